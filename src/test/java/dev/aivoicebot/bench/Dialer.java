package dev.aivoicebot.bench;

import dev.aivoicebot.sim.CallIdentity;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Places the calls as Twilio would: the target's webhook (on a pool of dialer threads, each waiting for its
 * call's arrival time) and then the Media Stream its TwiML names (a Vert.x WebSocket opened on the call's
 * event loop). Webhook and stream-open times are kept apart: they fail for different reasons. The time each
 * stream opened is kept too, for the CPU per call-minute that includes the dial ramp.
 */
final class Dialer {

    final ConcurrentLinkedQueue<Long> webhookNanos = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> streamOpenNanos = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> handshakeNanos = new ConcurrentLinkedQueue<>();
    /** {@code System.nanoTime()} at which each stream opened. */
    final ConcurrentLinkedQueue<Long> openedAtNanos = new ConcurrentLinkedQueue<>();
    final AtomicInteger failures = new AtomicInteger();
    volatile String firstFailure = "";

    private final CallTarget target;
    private final WebSocketClient streams;
    private final List<PacingShard> shards;
    private final GeneratorStats stats;
    private final long thinkMs;

    Dialer(CallTarget target, WebSocketClient streams, List<PacingShard> shards, GeneratorStats stats,
            long thinkMs) {
        this.target = target;
        this.streams = streams;
        this.shards = shards;
        this.stats = stats;
        this.thinkMs = thinkMs;
    }

    /** Dials {@code count} calls, arrivals evenly over {@code rampMs}; returns when each is up or has failed. */
    void dialAll(int count, long rampMs, int parallel) throws InterruptedException {
        dial(0, count, rampMs, parallel);
    }

    /** Dials calls {@code first} … {@code first + count - 1} (call indexes in the tags), arrivals over {@code rampMs}. */
    void dial(int first, int count, long rampMs, int parallel) throws InterruptedException {
        ExecutorService dialers = Executors.newFixedThreadPool(parallel);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int index = first + i;
            long due = start + TimeUnit.MILLISECONDS.toNanos(rampMs * i / count);
            dialers.submit(() -> {
                try {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    dial(index);
                } catch (Exception e) {
                    if (failures.getAndIncrement() == 0) {
                        firstFailure = e.toString();
                    }
                }
                return null;
            });
        }
        dialers.shutdown();
        dialers.awaitTermination(rampMs + 120_000, TimeUnit.MILLISECONDS);
    }

    private void dial(int index) throws Exception {
        CallIdentity identity = target.newCall();
        long began = System.nanoTime();
        CallTarget.StreamAddress stream = target.answer(identity);
        long answered = System.nanoTime();
        WebSocketConnectOptions connect = new WebSocketConnectOptions().setHost(stream.local().getHost())
                .setPort(stream.local().getPort()).setURI(stream.local().getRawPath()).setTimeout(15_000);
        if (stream.signature() != null) {
            connect.addHeader("X-Twilio-Signature", stream.signature());
        }
        PacingShard shard = shards.get(index % shards.size());
        TaggedCall call = new TaggedCall(index, identity, stats, thinkMs);
        CompletableFuture<Void> open = new CompletableFuture<>();
        shard.context.runOnContext(v -> streams.connect(connect).onComplete(result -> {
            if (result.failed()) {
                open.completeExceptionally(result.cause());
                return;
            }
            long opened = System.nanoTime();
            webhookNanos.add(answered - began);
            streamOpenNanos.add(opened - answered);
            handshakeNanos.add(opened - began);
            openedAtNanos.add(opened);
            shard.add(call);
            call.opened(result.result(), stream.parameters());
            open.complete(null);
        }));
        open.get(20, TimeUnit.SECONDS);
    }
}
