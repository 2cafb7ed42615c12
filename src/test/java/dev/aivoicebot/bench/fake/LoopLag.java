package dev.aivoicebot.bench.fake;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.HdrHistogram.Recorder;

/**
 * Watches one event loop: a 1 ms timer records how late it fires. A busy or descheduled loop delays every
 * message it handles by as much, so this tells how much of a measured latency the fake itself added.
 */
final class LoopLag {

    private LoopLag() {
    }

    static void watch(Vertx vertx, Context context, Recorder lagMicros) {
        context.runOnContext(v -> schedule(vertx, lagMicros, System.nanoTime() + 1_000_000));
    }

    private static void schedule(Vertx vertx, Recorder lagMicros, long dueNanos) {
        vertx.setTimer(1, id -> {
            long now = System.nanoTime();
            lagMicros.recordValue(Math.max(0, (now - dueNanos) / 1000));
            schedule(vertx, lagMicros, now + 1_000_000);
        });
    }
}
