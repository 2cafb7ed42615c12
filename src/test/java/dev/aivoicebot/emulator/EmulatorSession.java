package dev.aivoicebot.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One emulated Realtime session as tests see it: what the client sent and what it was told, read off the wire
 * by {@link EmulatorRecorder}, plus the faults the real service can cause. Safe to read from any thread.
 */
public final class EmulatorSession {

    /** What one response sent: the exact audio bytes of its deltas and its (possibly partial) transcript. */
    public record ResponseAudio(String responseId, String itemId, String status, String transcript, byte[] audio) {
    }

    /** A {@code conversation.item.truncate} the client sent, and whether it was accepted. */
    public record Truncation(String itemId, int contentIndex, long audioEndMs, boolean accepted) {
    }

    /** An {@code error} event sent to the client. */
    public record SentError(String type, String code, String message, String param, String clientEventId) {
    }

    private final EmulatorTestHook.Session session;
    private final SessionRecording recording = new SessionRecording();

    EmulatorSession(EmulatorTestHook.Session session) {
        this.session = session;
    }

    /** The {@code sess_…} id announced in {@code session.created}. */
    public String id() {
        return session.id();
    }

    /** The {@code model} query parameter of the upgrade request ("" when absent). */
    public String model() {
        return session.model();
    }

    /** Handshake headers, keys case-insensitive. */
    public Map<String, List<String>> headers() {
        return session.headers();
    }

    /** The bearer token of the Authorization header, so tests can assert which key the bridge sent. */
    public Optional<String> authorizationToken() {
        return headers().getOrDefault("Authorization", List.of()).stream().findFirst()
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim());
    }

    public List<String> clientEvents() {
        return recording.clientEvents();
    }

    /** The {@code type} of every client event, in order (unparseable ones as "<invalid>"). */
    public List<String> clientEventTypes() {
        return recording.clientEventTypes();
    }

    public List<String> serverEvents() {
        return recording.serverEvents();
    }

    /** Every byte of every {@code input_audio_buffer.append}, concatenated in order. */
    public byte[] inputAudio() {
        return recording.inputAudio();
    }

    public List<ResponseAudio> responses() {
        return recording.responses();
    }

    public List<Truncation> truncations() {
        return recording.truncations();
    }

    public List<SentError> errors() {
        return recording.errors();
    }

    public boolean closed() {
        return recording.closeCode().isPresent();
    }

    /** The close code of the finished connection, whoever closed it. */
    public OptionalInt closeCode() {
        return recording.closeCode();
    }

    /** Fault injection: closes the socket as the real service would at the end of a session. */
    public void close(int code, String reason) {
        session.close(code, reason);
    }

    /** Fault injection: sends an {@code error} event, e.g. type "server_error" or code "insufficient_quota". */
    public void sendError(String type, String code, String message) {
        sendError(type, code, message, null, null);
    }

    /** Fault injection: sends an {@code error} event with every field chosen, {@code error.event_id} included. */
    public void sendError(String type, String code, String message, String param, String clientEventId) {
        session.sendError(type, code, message, param, clientEventId);
    }

    SessionRecording recording() {
        return recording;
    }
}
