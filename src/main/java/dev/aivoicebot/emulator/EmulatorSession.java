package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jboss.logging.Logger;

/**
 * One emulated Realtime session as tests see it: what the client sent and what it was told, plus fault
 * injection. Protocol state lives in {@link SessionProtocol} and is touched only on the connection's
 * event loop; the recordings here are thread-safe so a test thread can read them at any time.
 */
public final class EmulatorSession {

    private static final Logger LOG = Logger.getLogger(EmulatorSession.class);

    /** What one response sent: the exact audio bytes of its deltas and its (possibly partial) transcript. */
    public record ResponseAudio(String responseId, String itemId, String status, String transcript, byte[] audio) {
    }

    /** A {@code conversation.item.truncate} the client sent, and whether it was accepted. */
    public record Truncation(String itemId, int contentIndex, long audioEndMs, boolean accepted) {
    }

    /** An {@code error} event sent to the client. */
    public record SentError(String type, String code, String message, String param, String clientEventId) {
    }

    private final String id;
    private final String model;
    private final Map<String, List<String>> headers;
    private final WebSocketConnection connection;
    private final Context context;
    private final ObjectMapper json;
    private final SessionRecording recording = new SessionRecording();

    EmulatorSession(String id, String model, Map<String, List<String>> headers, WebSocketConnection connection,
            Context context, ObjectMapper json) {
        this.id = id;
        this.model = model;
        this.headers = headers;
        this.connection = connection;
        this.context = context;
        this.json = json;
    }

    /** The {@code sess_…} id announced in {@code session.created}. */
    public String id() {
        return id;
    }

    /** The {@code model} query parameter of the upgrade request ("" when absent). */
    public String model() {
        return model;
    }

    /** Handshake headers, keys case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The bearer token of the Authorization header, so tests can assert which key the bridge sent. */
    public Optional<String> authorizationToken() {
        return headers.getOrDefault("Authorization", List.of()).stream().findFirst()
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
        context.runOnContext(ignored -> connection.close(new CloseReason(code, reason)).subscribe().with(
                done -> { }, failure -> LOG.debugf("close of %s failed: %s", id, failure)));
    }

    /** Fault injection: sends an {@code error} event of type invalid_request_error. */
    public void sendError(String code, String message) {
        sendError(ClientError.INVALID_REQUEST, code, message);
    }

    /** Fault injection: sends an {@code error} event, e.g. type "server_error" or code "insufficient_quota". */
    public void sendError(String type, String code, String message) {
        sendError(type, code, message, null, null);
    }

    /** Fault injection: sends an {@code error} event with every field chosen, {@code error.event_id} included. */
    public void sendError(String type, String code, String message, String param, String clientEventId) {
        context.runOnContext(ignored -> error(new ClientError(type, code, message, param), clientEventId));
    }

    SessionRecording recording() {
        return recording;
    }

    /** Sends one server event; call on the connection's context so events keep their order. */
    void send(String type, Object payload) {
        ObjectNode event = json.createObjectNode().put("type", type).put("event_id", Ids.event());
        if (payload != null) {
            event.setAll((ObjectNode) json.valueToTree(payload));
        }
        String text = event.toString();
        recording.serverEvent(text);
        connection.sendText(text).subscribe().with(
                done -> { }, failure -> LOG.debugf("send to %s failed: %s", id, failure));
    }

    void error(ClientError error, String clientEventId) {
        recording.error(new SentError(error.type, error.code, error.getMessage(), error.param, clientEventId));
        send("error", new ServerEvents.ErrorPayload(new ServerEvents.ErrorBody(
                error.type, error.code, error.getMessage(), error.param, clientEventId)));
    }
}
