package dev.aivoicebot.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;
import org.jboss.logging.Logger;

/** One open Realtime session: sends client events, fire-and-forget, in call order. */
public final class RealtimeConnection {

    private static final Logger LOG = Logger.getLogger(RealtimeConnection.class);

    private final WebSocketClientConnection connection;
    private final ObjectMapper json;
    private volatile boolean closedLocally;

    RealtimeConnection(WebSocketClientConnection connection, ObjectMapper json) {
        this.connection = connection;
        this.json = json;
    }

    /**
     * {@code input_audio_buffer.append} built by hand: it runs for every 20 ms frame, and the payload was
     * already checked to be plain base64 (so it cannot break out of the JSON string).
     */
    public void appendAudio(String base64Payload) {
        send("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + base64Payload + "\"}");
    }

    public void send(Object event) {
        try {
            send(json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + event.getClass().getSimpleName(), e);
        }
    }

    public void cancelResponse() {
        send("{\"type\":\"response.cancel\"}");
    }

    boolean closedLocally() {
        return closedLocally;
    }

    private void send(String text) {
        if (connection.isOpen()) {
            connection.sendText(text).subscribe().with(ok -> {
            }, failure -> LOG.debugf("Realtime send failed: %s", failure.getMessage()));
        }
    }

    /** Closes the session; from now on nothing it sends or how it closes is reported to the call. */
    public void close() {
        closedLocally = true;
        if (connection.isOpen()) {
            connection.close(CloseReason.NORMAL).subscribe().with(ok -> {
            }, failure -> LOG.debugf("Realtime close failed: %s", failure.getMessage()));
        }
    }
}
