package dev.aivoicebot.twilio;

import dev.aivoicebot.safety.CallSid;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A bare Media Stream client for hostile-input tests: it sends exactly the frames a test gives it (unlike the
 * call simulator, which always speaks the protocol correctly) and records how the service closed the socket.
 */
final class RawStream implements WebSocket.Listener, AutoCloseable {

    static final String STREAM_URL = "wss://voice.example.test/voice/stream";
    static final TwilioSignature TWILIO = new TwilioSignature("canary-twilio-token-5f0e2b7c");
    /** Stream tokens as the test service mints them (its STREAM_TOKEN_SECRET, from the test settings). */
    private static final StreamToken TOKENS = new StreamToken(
            "canary-stream-secret-0c7d31aa9e".getBytes(StandardCharsets.UTF_8));

    record Closed(int code, String reason) {
    }

    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private RawStream(URI local, String signature) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5));
        if (signature != null) {
            builder.header("X-Twilio-Signature", signature);
        }
        this.socket = builder.buildAsync(local, this).join();
    }

    /** A random Twilio SID with {@code prefix} ({@code CA}, {@code MZ}, …). */
    static String sid(String prefix) {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    /** A stream token for {@code callSid}, as the webhook would have minted it, valid for {@code expiresInSeconds}. */
    static String token(String callSid, long expiresInSeconds) {
        return TOKENS.mint(new CallSid(callSid), Instant.now().getEpochSecond() + expiresInSeconds);
    }

    /** Opens a stream signed as Twilio signs it. */
    static RawStream open(URI base) {
        return new RawStream(streamUri(base), TWILIO.sign(STREAM_URL, Map.of()));
    }

    static RawStream openWithSignature(URI base, String signature) {
        return new RawStream(streamUri(base), signature);
    }

    static URI streamUri(URI base) {
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/voice/stream");
    }

    RawStream send(String text) {
        if (!closed.isDone()) {
            socket.sendText(text, true).exceptionally(e -> null).join();
        }
        return this;
    }

    RawStream sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).exceptionally(e -> null).join();
        return this;
    }

    Closed awaitClose() {
        try {
            return closed.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the service did not close the stream", e);
        }
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closed(-1, String.valueOf(error)));
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.abort();
    }

    static String start(String callSid, String streamSid, Map<String, String> parameters) {
        StringBuilder custom = new StringBuilder();
        parameters.forEach((k, v) -> custom.append(custom.length() == 0 ? "" : ",").append('"').append(k)
                .append("\":\"").append(v).append('"'));
        return "{\"event\":\"start\",\"sequenceNumber\":\"1\",\"streamSid\":\"" + streamSid + "\",\"start\":{"
                + "\"accountSid\":\"AC0123456789abcdef0123456789abcdef\",\"streamSid\":\"" + streamSid
                + "\",\"callSid\":\"" + callSid + "\",\"tracks\":[\"inbound\"],\"customParameters\":{" + custom
                + "},\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1}}}";
    }

    static String media(String streamSid, String payload) {
        return "{\"event\":\"media\",\"sequenceNumber\":\"2\",\"streamSid\":\"" + streamSid
                + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\"1\",\"timestamp\":\"0\",\"payload\":\"" + payload
                + "\"}}";
    }

    static List<String> silence(int frames, String streamSid) {
        String payload = java.util.Base64.getEncoder().encodeToString(new byte[160]);
        return java.util.Collections.nCopies(frames, media(streamSid, payload));
    }
}
