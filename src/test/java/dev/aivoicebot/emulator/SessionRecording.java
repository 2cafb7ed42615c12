package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.emulator.EmulatorSession.ResponseAudio;
import dev.aivoicebot.emulator.EmulatorSession.SentError;
import dev.aivoicebot.emulator.EmulatorSession.Truncation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Everything a session saw and said, read off its wire events: written on the event loop, read by test threads,
 * so every method is synchronized and every read returns a copy.
 *
 * <p>Bounded: a session keeps its first {@link #MAX_EVENTS} events each way and {@link #MAX_AUDIO_BYTES} of audio
 * per stream (input, each response), then stops keeping more; a long call from the browser softphone test (appends
 * arrive 50 a second) would otherwise grow without end.
 */
final class SessionRecording {

    static final int MAX_EVENTS = 5_000;
    static final int MAX_AUDIO_BYTES = 2 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> clientEvents = new ArrayList<>();
    private final List<String> clientEventTypes = new ArrayList<>();
    private final List<String> serverEvents = new ArrayList<>();
    private final ByteArrayOutputStream inputAudio = new ByteArrayOutputStream();
    private final Map<String, ResponseLog> responses = new LinkedHashMap<>();
    private final List<Truncation> truncations = new ArrayList<>();
    private final List<SentError> errors = new ArrayList<>();
    /** A truncate the emulator is handling: its answer is the very next server event. */
    private Truncation truncating;
    private Integer closeCode;

    /** Audio and outcome of one response while it streams. */
    private static final class ResponseLog {
        final ByteArrayOutputStream audio = new ByteArrayOutputStream();
        String itemId;
        boolean itemIsMessage;
        String status = "in_progress";
        String transcript = "";
    }

    synchronized void clientEvent(String raw) {
        JsonNode event = parse(raw);
        String type = event == null ? "<invalid>" : event.path("type").isTextual() ? event.get("type").asText()
                : "<missing>";
        if (clientEvents.size() < MAX_EVENTS) {
            clientEvents.add(raw);
            clientEventTypes.add(type);
        }
        switch (type) {
            case "input_audio_buffer.append" -> {
                byte[] audio = decode(event.path("audio"));
                if (audio != null) {
                    append(inputAudio, audio);
                }
            }
            case "conversation.item.truncate" -> truncating = new Truncation(event.path("item_id").asText(null),
                    event.path("content_index").asInt(0), event.path("audio_end_ms").asLong(-1), false);
            default -> { }
        }
    }

    synchronized void serverEvent(String raw) {
        if (serverEvents.size() < MAX_EVENTS) {
            serverEvents.add(raw);
        }
        JsonNode event = parse(raw);
        String type = event == null ? "" : event.path("type").asText();
        if (truncating != null) {
            truncations.add(new Truncation(truncating.itemId(), truncating.contentIndex(), truncating.audioEndMs(),
                    "conversation.item.truncated".equals(type)));
            truncating = null;
        }
        switch (type) {
            case "response.created" -> responses.put(event.at("/response/id").asText(), new ResponseLog());
            case "response.output_item.added" -> itemAdded(responses.get(event.path("response_id").asText()),
                    event.get("item"));
            case "response.output_audio.delta" -> {
                ResponseLog log = responses.get(event.path("response_id").asText());
                byte[] audio = decode(event.path("delta"));
                if (log != null && audio != null) {
                    append(log.audio, audio);
                }
            }
            case "response.done" -> responseDone(event.get("response"));
            case "error" -> {
                JsonNode error = event.path("error");
                errors.add(new SentError(text(error, "type"), text(error, "code"), text(error, "message"),
                        text(error, "param"), text(error, "event_id")));
            }
            default -> { }
        }
    }

    synchronized void closed(int code) {
        closeCode = code;
    }

    /** The response's item is its audio message, or its first item when it says nothing. */
    private static void itemAdded(ResponseLog log, JsonNode item) {
        boolean message = "message".equals(item.path("type").asText());
        if (log != null && (log.itemId == null || (message && !log.itemIsMessage))) {
            log.itemId = item.path("id").asText();
            log.itemIsMessage = message;
        }
    }

    private void responseDone(JsonNode response) {
        ResponseLog log = responses.get(response.path("id").asText());
        if (log == null) {
            return;
        }
        log.status = response.path("status").asText();
        for (JsonNode item : response.path("output")) {
            if ("message".equals(item.path("type").asText())) {
                log.transcript = item.at("/content/0/transcript").asText("");
                break;
            }
        }
    }

    private static void append(ByteArrayOutputStream recorded, byte[] audio) {
        if (recorded.size() + audio.length <= MAX_AUDIO_BYTES) {
            recorded.writeBytes(audio);
        }
    }

    private static JsonNode parse(String raw) {
        try {
            JsonNode event = JSON.readTree(raw);
            return event != null && event.isObject() ? event : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] decode(JsonNode base64) {
        try {
            return base64.isTextual() ? Base64.getDecoder().decode(base64.asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    synchronized List<String> clientEvents() {
        return List.copyOf(clientEvents);
    }

    synchronized List<String> clientEventTypes() {
        return List.copyOf(clientEventTypes);
    }

    synchronized List<String> serverEvents() {
        return List.copyOf(serverEvents);
    }

    synchronized byte[] inputAudio() {
        return inputAudio.toByteArray();
    }

    synchronized List<ResponseAudio> responses() {
        return responses.entrySet().stream().map(e -> new ResponseAudio(e.getKey(), e.getValue().itemId,
                e.getValue().status, e.getValue().transcript, e.getValue().audio.toByteArray())).toList();
    }

    synchronized List<Truncation> truncations() {
        return List.copyOf(truncations);
    }

    synchronized List<SentError> errors() {
        return List.copyOf(errors);
    }

    synchronized OptionalInt closeCode() {
        return closeCode == null ? OptionalInt.empty() : OptionalInt.of(closeCode);
    }
}
