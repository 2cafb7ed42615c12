package dev.aivoicebot.openai;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PfxOptions;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@code wss://} Realtime upstream on 127.0.0.1 with a certificate from {@link TestCertificates}' CA. It
 * speaks just enough of the GA protocol for a call's start: {@code session.created}, {@code session.updated},
 * and a greeting of known audio for the first {@code response.create}; caller audio is ignored.
 */
public final class TlsRealtimeServer {

    public static final String PATH = "/v1/realtime";
    public static final String GREETING_TRANSCRIPT = "Hello over TLS.";
    /** Half a second of recognisable μ-law, sent in five deltas. */
    public static final byte[] GREETING_AUDIO = greetingAudio();

    /** What the upgrade request carried. */
    public record Handshake(String authorization, String query) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Handshake> handshakes = new CopyOnWriteArrayList<>();
    private final List<Throwable> connectionFailures = new CopyOnWriteArrayList<>();
    private final List<String> clientEventTypes = new CopyOnWriteArrayList<>();

    public TlsRealtimeServer(TestCertificates certificates) throws Exception {
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0).setSsl(true)
                .setKeyCertOptions(new PfxOptions().setPath(certificates.serverP12().toString())
                        .setPassword(certificates.password()));
        server = vertx.createHttpServer(options)
                .exceptionHandler(connectionFailures::add)
                .webSocketHandler(this::session)
                .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String url() {
        return "wss://127.0.0.1:" + server.actualPort() + PATH;
    }

    public List<Handshake> handshakes() {
        return List.copyOf(handshakes);
    }

    /** TLS handshakes and other failures before a WebSocket was open, e.g. a client refusing our certificate. */
    public List<Throwable> connectionFailures() {
        return List.copyOf(connectionFailures);
    }

    public List<String> clientEventTypes() {
        return List.copyOf(clientEventTypes);
    }

    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private void session(ServerWebSocket socket) {
        if (!PATH.equals(socket.path())) {
            socket.reject(404);
            return;
        }
        handshakes.add(new Handshake(socket.headers().get("Authorization"), socket.query()));
        send(socket, new JsonObject().put("type", "session.created").put("session", new JsonObject()));
        AtomicBoolean greeted = new AtomicBoolean();
        socket.textMessageHandler(text -> {
            String type = new JsonObject(text).getString("type", "");
            clientEventTypes.add(type);
            if (type.equals("session.update")) {
                send(socket, new JsonObject().put("type", "session.updated").put("session", new JsonObject()));
            } else if (type.equals("response.create") && greeted.compareAndSet(false, true)) {
                greet(socket);
            }
        });
    }

    private void greet(ServerWebSocket socket) {
        String responseId = "resp_tls";
        String itemId = "item_tls";
        send(socket, new JsonObject().put("type", "response.created")
                .put("response", new JsonObject().put("id", responseId).put("status", "in_progress")));
        int chunk = GREETING_AUDIO.length / 5;
        for (int from = 0; from < GREETING_AUDIO.length; from += chunk) {
            byte[] delta = Arrays.copyOfRange(GREETING_AUDIO, from, Math.min(GREETING_AUDIO.length, from + chunk));
            send(socket, new JsonObject().put("type", "response.output_audio.delta").put("response_id", responseId)
                    .put("item_id", itemId).put("delta", Base64.getEncoder().encodeToString(delta)));
        }
        send(socket, new JsonObject().put("type", "response.output_audio_transcript.done")
                .put("response_id", responseId).put("item_id", itemId).put("transcript", GREETING_TRANSCRIPT));
        send(socket, new JsonObject().put("type", "response.done")
                .put("response", new JsonObject().put("id", responseId).put("status", "completed")));
    }

    private static void send(ServerWebSocket socket, JsonObject event) {
        socket.writeTextMessage(event.encode());
    }

    private static byte[] greetingAudio() {
        byte[] audio = new byte[4000];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) (0x20 + i % 0x5f);
        }
        return audio;
    }
}
