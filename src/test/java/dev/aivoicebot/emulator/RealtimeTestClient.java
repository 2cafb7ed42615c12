package dev.aivoicebot.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A plain JDK WebSocket client speaking to the emulator the way the bridge speaks to OpenAI. */
final class RealtimeTestClient implements WebSocket.Listener, AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ObjectMapper json = new ObjectMapper();
    private final BlockingQueue<JsonNode> pending = new LinkedBlockingQueue<>();
    private final List<JsonNode> received = new ArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static RealtimeTestClient connect(URI uri, Map<String, String> headers) {
        RealtimeTestClient client = new RealtimeTestClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT);
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(uri, client).join();
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                pending.add(json.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("server sent invalid JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    void send(String event) {
        socket.sendText(event, true).join();
    }

    /** Appends audio as Twilio delivers it: 20 ms (160 byte) frames. */
    void append(byte[] mulaw) {
        for (int from = 0; from < mulaw.length; from += 160) {
            byte[] frame = Arrays.copyOfRange(mulaw, from, Math.min(mulaw.length, from + 160));
            send("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + Base64.getEncoder().encodeToString(frame)
                    + "\"}");
        }
    }

    /** The next event of this type; events before it stay in {@link #received()}. */
    JsonNode await(String type) {
        while (true) {
            JsonNode event = next();
            if (type.equals(event.path("type").asText())) {
                return event;
            }
        }
    }

    JsonNode next() {
        try {
            JsonNode event = pending.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no server event within " + TIMEOUT + "; got " + types());
            }
            received.add(event);
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Events that arrive within {@code wait}, without failing when there are none. */
    List<JsonNode> drain(Duration wait) throws InterruptedException {
        List<JsonNode> events = new ArrayList<>();
        JsonNode event;
        while ((event = pending.poll(wait.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            received.add(event);
            events.add(event);
        }
        return events;
    }

    List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** Types of the events received so far, in order. */
    List<String> types() {
        return received.stream().map(event -> event.path("type").asText()).toList();
    }

    /** The audio of every output_audio delta received so far for one response, concatenated. */
    byte[] audioOf(String responseId) {
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        received.stream().filter(event -> "response.output_audio.delta".equals(event.path("type").asText()))
                .filter(event -> responseId.equals(event.path("response_id").asText()))
                .forEach(event -> audio.writeBytes(Base64.getDecoder().decode(event.path("delta").asText())));
        return audio.toByteArray();
    }

    /** Every event received so far matches OpenAI's published schema for its type. */
    void assertServerEventsMatchTheSchema() {
        for (JsonNode event : received) {
            assertEquals(List.of(), RealtimeSchemas.get().validateServerEvent(event.toString()), event.toString());
        }
    }

    int awaitClose() {
        return closeCode.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }
}
