package dev.aivoicebot.tools;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads tools run on ({@code tool-worker-N}), apart from Quarkus' worker pool: a slow tool on every call cannot
 * take the threads /generate-voice and the webhook need, and a tool past its time is interrupted, which a pool's
 * managed futures do not do. Threads are made as calls need them, up to {@value #MAX_THREADS} at once (far above
 * MAX_CONCURRENT_CALLS' default of 100 calls); past that a call is refused at once rather than queued.
 */
@Singleton
class ToolWorkers {

    static final int MAX_THREADS = 256;

    private final AtomicInteger count = new AtomicInteger();
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(0, MAX_THREADS, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "tool-worker-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    /**
     * Runs {@code task} on a tool thread; cancelling the future interrupts it.
     *
     * @throws java.util.concurrent.RejectedExecutionException when every thread is busy, or at shutdown
     */
    Future<?> submit(Runnable task) {
        return pool.submit(task);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
