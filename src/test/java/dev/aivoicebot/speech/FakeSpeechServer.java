package dev.aivoicebot.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * OpenAI's speech endpoint, faked on a real loopback socket. It checks the bearer key and every body
 * against the official {@code CreateSpeechRequest} schema, records what it received, and answers as the
 * current test scripted: audio in timed chunks, an error status, silence, or a connection cut mid-stream.
 */
public final class FakeSpeechServer {

    /** One request as the fake saw it; {@code schemaErrors} is empty when the body matched the schema. */
    public record Received(String authorization, String contentType, JsonNode json, Set<String> schemaErrors) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    // OpenAPI's own keywords carry no constraints; declaring them keeps the validator from warning about them.
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            factory -> factory.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keywords(Stream.of("components", "example", "x-oaiTypeLabel").map(NonValidationKeyword::new).toList())
                    .build()))
            .getSchema(FakeSpeechServer.class.getResourceAsStream("/speech/create-speech-request.schema.json"));

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final String apiKey;
    private volatile Round round = new Round(FakeSpeechScript.audio(3, 1024, Duration.ZERO));

    /**
     * One test's worth of script and observations. An exchange keeps the round it started in, so a stream
     * still draining from an earlier test cannot leak into the next test's counts.
     */
    private record Round(FakeSpeechScript script, List<Received> received, AtomicLong bytesWritten,
            AtomicInteger completed, AtomicInteger aborted, CountDownLatch release) {
        Round(FakeSpeechScript script) {
            this(script, new CopyOnWriteArrayList<>(), new AtomicLong(), new AtomicInteger(), new AtomicInteger(),
                    new CountDownLatch(1));
        }
    }

    FakeSpeechServer(String apiKey) throws IOException {
        this.apiKey = apiKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/audio/speech", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Forgets what was received, frees any hung exchange, and answers with {@code script} from now on. */
    public void reset(FakeSpeechScript next) {
        Round previous = round;
        round = new Round(next);
        previous.release().countDown();
    }

    public List<Received> received() {
        return List.copyOf(round.received());
    }

    /** Audio bytes the fake got out (into its socket) since the last reset. */
    public long audioBytesWritten() {
        return round.bytesWritten().get();
    }

    /** Audio responses sent in full since the last reset. */
    public int streamsCompleted() {
        return round.completed().get();
    }

    /** Audio responses whose connection the client closed or reset before they were sent in full, since the last reset. */
    public int streamsAborted() {
        return round.aborted().get();
    }

    void stop() {
        round.release().countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Round current = round;
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            JsonNode json = parse(body);
            Set<String> errors = json == null ? Set.of("body is not JSON")
                    : SCHEMA.validate(json).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
            current.received().add(new Received(authorization, exchange.getRequestHeaders().getFirst("Content-Type"), json, errors));
            if (!("Bearer " + apiKey).equals(authorization)) {
                answer(exchange, 401, Map.of(), openAiError("Incorrect API key provided: " + authorization, "invalid_api_key"));
            } else if (!errors.isEmpty()) {
                answer(exchange, 400, Map.of(), openAiError(String.join("; ", errors), "invalid_request_error"));
            } else {
                current.script().play(new FakeSpeechScript.Exchange(exchange, current.release(), current.bytesWritten(),
                        current.completed(), current.aborted()));
            }
        }
    }

    static void answer(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String openAiError(String message, String code) {
        return JSON.createObjectNode().set("error", JSON.createObjectNode()
                .put("message", message).put("type", "invalid_request_error").put("code", code)).toString();
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    static boolean await(CountDownLatch latch) {
        try {
            return latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
