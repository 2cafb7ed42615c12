package dev.aivoicebot.bench.fake;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * A lean stand-in for OpenAI's Realtime GA endpoint, for the load benchmark: its own process, so the service
 * measured does only the bridge's work. It speaks the events the bridge uses (see {@link FakeSession}) and
 * reads the tags the load generator writes into caller audio (forward latency, loss, order); its answers
 * carry tags the generator reads back. {@code GET /stats} returns what it saw, as JSON. With {@code tool-ms} set it
 * also plays the business's HTTP tool: {@code POST /tool} answers {@code {"status":"done"}} that long after the
 * request, from a timer, so a thousand slow tools hold no thread.
 *
 * <pre>java -cp … dev.aivoicebot.bench.fake.TaggedRealtimeServer port=PORT [think-ms=0] [answer-ms=2000] [delta-ms=100] [tool-ms=0] [silence-ms=500]</pre>
 */
public final class TaggedRealtimeServer {

    static final String PATH = "/v1/realtime";
    static final String WARM_UP_PATH = "/warm-up";
    static final String TOOL_PATH = "/tool";

    private TaggedRealtimeServer() {
    }

    /** {@code model} of a query such as {@code model=gpt-realtime&temperature=0.8} (the Node sample's). */
    static String modelOf(String query) {
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("model=")) {
                return pair.substring("model=".length());
            }
        }
        return "gpt-realtime";
    }

    public static void main(String[] args) {
        FakeOptions options = FakeOptions.parse(args);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.eventLoops()));
        FakeStats stats = new FakeStats();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(options.port())
                .setMaxWebSocketFrameSize(1 << 20).setMaxWebSocketMessageSize(1 << 20));
        server.webSocketHandler(ws -> {
            if (WARM_UP_PATH.equals(ws.path())) {
                ws.close(); // the generator warms its own WebSocket client here, without touching the service
                return;
            }
            String auth = ws.headers().get("Authorization");
            if (!PATH.equals(ws.path()) || auth == null || !auth.startsWith("Bearer ")) {
                ws.reject(auth == null ? 401 : 404);
                return;
            }
            String model = modelOf(ws.query());
            new FakeSession(vertx, ws, options, stats, model).start();
        });
        server.requestHandler(request -> {
            if ("/stats".equals(request.path())) {
                request.response().putHeader("Content-Type", "application/json").end(stats.json());
            } else if (TOOL_PATH.equals(request.path()) && request.method() == HttpMethod.POST && options.tools()) {
                stats.count("tool_requests");
                request.body().onSuccess(body -> vertx.setTimer(options.toolMs(), id -> request.response()
                        .putHeader("Content-Type", "application/json").end("{\"status\":\"done\"}")));
            } else {
                request.response().setStatusCode(404).end();
            }
        });
        for (int i = 0; i < options.eventLoops(); i++) {
            LoopLag.watch(vertx, vertx.getOrCreateContext(), stats.loopLagMicros);
        }
        server.listen().toCompletionStage().toCompletableFuture().join();
        System.out.printf("fake Realtime server on 127.0.0.1:%d%s (think %d ms, answers %d ms in %d ms deltas%s)%n",
                server.actualPort(), PATH, options.thinkMs(), options.answerMs(), options.deltaMs(),
                options.tools() ? ", turns answered by " + FakeOptions.TOOL_NAME + " at " + TOOL_PATH + " taking "
                        + options.toolMs() + " ms" : "");
    }
}
