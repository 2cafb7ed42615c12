package dev.aivoicebot.sim;

import com.twilio.security.RequestValidator;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for our service's Twilio-facing side, just enough to test the simulator over real
 * loopback sockets: {@code /voice} answers TwiML, {@code /voice/stream} accepts the stream. Both
 * check {@code X-Twilio-Signature} with twilio-java's own validator, so a pass proves the simulator
 * signs as Twilio does.
 */
final class FakeBridgeService implements AutoCloseable {

    static final String PUBLIC_BASE_URL = "https://voice.example.test";
    static final String STREAM_URL = "wss://voice.example.test/voice/stream";

    /** A text frame the service received from the simulator, and when. */
    record Frame(long nanoTime, String text) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final RequestValidator validator;
    private final HttpServer server;
    /** Frames from every stream, in arrival order; each names its stream in {@code streamSid}. */
    final BlockingQueue<Frame> received = new LinkedBlockingQueue<>();
    final CompletableFuture<ServerWebSocket> firstStream = new CompletableFuture<>();
    final CompletableFuture<Short> firstCloseStatus = new CompletableFuture<>();
    final AtomicInteger normalCloses = new AtomicInteger();

    FakeBridgeService(String authToken) throws Exception {
        this.validator = new RequestValidator(authToken);
        this.server = vertx.createHttpServer().requestHandler(this::handle)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String localBaseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        String signature = request.getHeader("X-Twilio-Signature");
        if (request.path().equals("/voice")) {
            request.setExpectMultipart(true);
            request.endHandler(end -> answerVoice(request, signature));
        } else if (request.path().equals("/voice/stream")) {
            if (signature == null || !validator.validate(STREAM_URL, Map.of(), signature)) {
                request.response().setStatusCode(403).end();
                return;
            }
            request.toWebSocket().onSuccess(this::acceptStream);
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    private void answerVoice(HttpServerRequest request, String signature) {
        Map<String, String> form = new HashMap<>();
        request.formAttributes().forEach(entry -> form.put(entry.getKey(), entry.getValue()));
        if (signature == null || !validator.validate(PUBLIC_BASE_URL + "/voice", form, signature)) {
            request.response().setStatusCode(403).end();
            return;
        }
        request.response().putHeader("Content-Type", "text/xml").end("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Response><Connect><Stream url="%s">\
                <Parameter name="callToken" value="token-for-%s"/>\
                <Parameter name="from" value="%s"/>\
                </Stream></Connect><Hangup/></Response>""".formatted(STREAM_URL, form.get("CallSid"), form.get("From")));
    }

    private void acceptStream(ServerWebSocket socket) {
        boolean first = firstStream.complete(socket);
        socket.textMessageHandler(text -> received.add(new Frame(System.nanoTime(), text)));
        socket.closeHandler(closed -> {
            if (first) {
                firstCloseStatus.complete(socket.closeStatusCode());
            }
            if (Short.valueOf((short) 1000).equals(socket.closeStatusCode())) {
                normalCloses.incrementAndGet();
            }
        });
    }

    ServerWebSocket awaitStream() throws Exception {
        return firstStream.get(5, TimeUnit.SECONDS);
    }

    short awaitCloseStatus() throws Exception {
        return firstCloseStatus.get(5, TimeUnit.SECONDS);
    }

    /** The next frame from the simulator, failing the test if none comes in time. */
    Frame next(Duration timeout) throws InterruptedException {
        Frame frame = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("no frame from the simulator within " + timeout);
        }
        return frame;
    }

    /** Sends to the first stream, as our service would. */
    void send(String json) throws Exception {
        awaitStream().writeTextMessage(json).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
