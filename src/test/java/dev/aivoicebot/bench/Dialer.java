package dev.aivoicebot.bench;

import dev.aivoicebot.sim.CallIdentity;
import dev.aivoicebot.sim.ConnectStreamTwiml;
import dev.aivoicebot.sim.TwilioCallSimulator;
import dev.aivoicebot.sim.TwilioSigner;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Places the calls as Twilio would: the signed webhook (the simulator's, on a pool of dialer threads, each
 * waiting for its call's arrival time) and then the signed Media Stream (a Vert.x WebSocket opened on the
 * call's event loop). Webhook and stream-open times are kept apart: they fail for different reasons.
 */
final class Dialer {

    final ConcurrentLinkedQueue<Long> webhookNanos = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> streamOpenNanos = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> handshakeNanos = new ConcurrentLinkedQueue<>();
    final AtomicInteger failures = new AtomicInteger();
    volatile String firstFailure = "";

    private final TwilioCallSimulator twilio;
    private final WebSocketClient streams;
    private final List<PacingShard> shards;
    private final GeneratorStats stats;
    private final long thinkMs;

    Dialer(TwilioCallSimulator twilio, WebSocketClient streams, List<PacingShard> shards, GeneratorStats stats,
            long thinkMs) {
        this.twilio = twilio;
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
        CallIdentity identity = twilio.newCall();
        long began = System.nanoTime();
        ConnectStreamTwiml twiml = twilio.postVoiceWebhook(identity).twiml();
        long answered = System.nanoTime();
        URI local = twilio.config().localStreamUri(twiml.streamUrl());
        String signature = new TwilioSigner(twilio.config().authToken().orElseThrow()).sign(twiml.streamUrl());
        WebSocketConnectOptions connect = new WebSocketConnectOptions().setHost(local.getHost())
                .setPort(local.getPort()).setURI(local.getRawPath()).addHeader("X-Twilio-Signature", signature)
                .setTimeout(15_000);
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
            shard.add(call);
            call.opened(result.result(), twiml.parameters());
            open.complete(null);
        }));
        open.get(20, TimeUnit.SECONDS);
    }
}
