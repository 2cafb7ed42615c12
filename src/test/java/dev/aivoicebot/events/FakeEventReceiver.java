package dev.aivoicebot.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A business's call-events endpoint on a real loopback socket, written the way docs/events.md tells a business to
 * write one: it checks the X-Voice-Bot-Signature over the raw body (HMAC of "t.body", constant-time compare, t at
 * most 5 minutes old), the body's shape and that the Idempotency-Key is the event's id, and notes what was wrong.
 * It answers 200 unless told otherwise: {@link #plan} queues answers (a status, with a Retry-After, after a delay)
 * that the next requests get, in order.
 */
public final class FakeEventReceiver implements AutoCloseable {

    /** One request as the receiver saw it, in the order they arrived; {@code problems} is empty when signature, key and body were right. */
    public record Received(Instant at, String idempotencyKey, byte[] body, int answered, List<String> problems) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** How to answer one request: the status, a Retry-After value (null for none), a delay before answering. */
    public record Answer(int status, String retryAfter, Duration delay) {
        public static Answer status(int status) {
            return new Answer(status, null, Duration.ZERO);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
    private static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    private final String secret;
    private final HttpServer server;
    private final Queue<Answer> plan = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public FakeEventReceiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/events", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    public void plan(Answer... answers) {
        plan.addAll(List.of(answers));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests that carried event {@code id}. */
    public List<Received> receivedFor(String id) {
        return received.stream().filter(r -> id.equals(r.idempotencyKey())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant arrived = Instant.now();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        List<String> problems = new ArrayList<>();
        if (!"POST".equals(exchange.getRequestMethod())) {
            problems.add("method " + exchange.getRequestMethod());
        }
        if (!String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json")) {
            problems.add("content type " + exchange.getRequestHeaders().getFirst("Content-Type"));
        }
        checkSignature(exchange.getRequestHeaders().getFirst("X-Voice-Bot-Signature"), body, problems);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        try {
            JsonNode event = JSON.readTree(body);
            if (!"call.ended".equals(event.path("type").asText())) {
                problems.add("type " + event.path("type"));
            }
            if (key == null || !key.equals(event.path("id").asText()) || !key.equals(event.path("call").path("callSid").asText())) {
                problems.add("Idempotency-Key " + key + " is not the event's id and CallSid");
            }
            if (!event.path("transcript").isArray() || !event.has("occurredAt") || !event.has("summary")
                    || !event.has("usage") || !event.has("costUsd") || !event.has("outcome")) {
                problems.add("body lacks a field: " + event.fieldNames());
            }
        } catch (IOException e) {
            problems.add("body is not JSON");
        }
        Answer answer = plan.poll();
        if (answer == null) {
            answer = Answer.status(200);
        }
        if (!problems.isEmpty()) {
            answer = Answer.status(400);
        }
        received.add(new Received(arrived, key, body, answer.status(), List.copyOf(problems)));
        sleep(answer.delay());
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        exchange.sendResponseHeaders(answer.status(), -1);
        exchange.close();
    }

    private void checkSignature(String header, byte[] body, List<String> problems) {
        Matcher m = header == null ? null : SIGNATURE.matcher(header);
        if (m == null || !m.matches()) {
            problems.add("no well-formed signature: " + header);
            return;
        }
        long t = Long.parseLong(m.group(1));
        if (Math.abs(Instant.now().getEpochSecond() - t) > REPLAY_WINDOW.toSeconds()) {
            problems.add("stale signature time " + t);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            byte[] expected = mac.doFinal(body);
            if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(m.group(2)))) {
                problems.add("signature does not match the body");
            }
        } catch (Exception e) {
            problems.add("cannot check the signature: " + e);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
