package dev.aivoicebot.emulator;

import dev.aivoicebot.emulator.EmulatorSession.ResponseAudio;
import dev.aivoicebot.emulator.EmulatorSession.SentError;
import dev.aivoicebot.emulator.EmulatorSession.Truncation;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Everything a session saw and said, written on the event loop and read by test threads: every method
 * is synchronized and every read returns a copy.
 *
 * <p>Bounded: a session records its first {@link #MAX_EVENTS} events each way and {@link #MAX_AUDIO_BYTES} of
 * audio per stream (input, each response), then stops recording more. Tests use a few hundred events; a long
 * call in dev mode or from the browser softphone (appends arrive 50 a second) would otherwise grow without end,
 * times the retained sessions.
 */
final class SessionRecording {

    static final int MAX_EVENTS = 5_000;
    static final int MAX_AUDIO_BYTES = 2 * 1024 * 1024;

    private final List<String> clientEvents = new ArrayList<>();
    private final List<String> clientEventTypes = new ArrayList<>();
    private final List<String> serverEvents = new ArrayList<>();
    private final ByteArrayOutputStream inputAudio = new ByteArrayOutputStream();
    private final Map<String, ResponseLog> responses = new LinkedHashMap<>();
    private final List<Truncation> truncations = new ArrayList<>();
    private final List<SentError> errors = new ArrayList<>();
    private Integer closeCode;

    /** Audio and outcome of one response while it streams. */
    private static final class ResponseLog {
        final String itemId;
        final ByteArrayOutputStream audio = new ByteArrayOutputStream();
        String status = "in_progress";
        String transcript = "";

        ResponseLog(String itemId) {
            this.itemId = itemId;
        }
    }

    synchronized void clientEvent(String raw, String type) {
        if (clientEvents.size() < MAX_EVENTS) {
            clientEvents.add(raw);
            clientEventTypes.add(type);
        }
    }

    synchronized void serverEvent(String raw) {
        if (serverEvents.size() < MAX_EVENTS) {
            serverEvents.add(raw);
        }
    }

    synchronized void inputAudio(byte[] audio) {
        append(inputAudio, audio);
    }

    synchronized void responseStarted(String responseId, String itemId) {
        responses.put(responseId, new ResponseLog(itemId));
    }

    synchronized void responseAudio(String responseId, byte[] audio) {
        append(responses.get(responseId).audio, audio);
    }

    private static void append(ByteArrayOutputStream recorded, byte[] audio) {
        if (recorded.size() + audio.length <= MAX_AUDIO_BYTES) {
            recorded.writeBytes(audio);
        }
    }

    synchronized void responseFinished(String responseId, String status, String transcript) {
        ResponseLog log = responses.get(responseId);
        log.status = status;
        log.transcript = transcript;
    }

    synchronized void truncation(Truncation truncation) {
        truncations.add(truncation);
    }

    synchronized void error(SentError error) {
        errors.add(error);
    }

    synchronized void closed(int code) {
        closeCode = code;
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
