package dev.aivoicebot.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Warms the generator's own HTTP and WebSocket clients against the fake before any call is dialed: a cold
 * JVM takes about a second for its first WebSocket open on this machine, which would otherwise show up as the
 * service's handshake time. The service is not touched, so it starts the run as cold as it really is.
 */
final class GeneratorWarmUp {

    private static final int ROUNDS = 200;

    private GeneratorWarmUp() {
    }

    static void run(Vertx vertx, WebSocketClient streams, HttpClient http, BenchOptions options) throws Exception {
        if (options.fake().isEmpty()) {
            return;
        }
        URI fake = URI.create(options.fake());
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            streams.connect(new WebSocketConnectOptions().setHost(fake.getHost()).setPort(fake.getPort())
                    .setURI("/warm-up")).toCompletionStage().toCompletableFuture().get();
            http.send(HttpRequest.newBuilder(fake.resolve("/warm-up")).POST(HttpRequest.BodyPublishers.ofString("x"))
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
        System.out.printf("generator warmed up its clients in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
}
