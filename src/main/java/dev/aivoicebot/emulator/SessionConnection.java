package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The socket of one emulated session: every server event goes out through {@link #send} on the connection's
 * event loop, so events keep their order. It is also all an {@link EmulatorTestHook} sees of the session, and
 * the hooks hear about the session from here.
 */
final class SessionConnection implements EmulatorTestHook.Session {

    private static final Logger LOG = Logger.getLogger(SessionConnection.class);

    private final String id;
    private final String model;
    private final Map<String, List<String>> headers;
    private final WebSocketConnection connection;
    private final Context context;
    private final ObjectMapper json;
    private final List<EmulatorTestHook> hooks;

    SessionConnection(String id, String model, Map<String, List<String>> headers, WebSocketConnection connection,
            Context context, ObjectMapper json, List<EmulatorTestHook> hooks) {
        this.id = id;
        this.model = model;
        this.headers = headers;
        this.connection = connection;
        this.context = context;
        this.json = json;
        this.hooks = hooks;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public void close(int code, String reason) {
        context.runOnContext(ignored -> connection.close(new CloseReason(code, reason)).subscribe().with(
                done -> { }, failure -> LOG.debugf("close of %s failed: %s", id, failure)));
    }

    @Override
    public void sendError(String type, String code, String message, String param, String clientEventId) {
        context.runOnContext(ignored -> error(new ClientError(type, code, message, param), clientEventId));
    }

    /** Sends one server event; call on the connection's context so events keep their order. */
    void send(String type, Object payload) {
        ObjectNode event = json.createObjectNode().put("type", type).put("event_id", Ids.event());
        if (payload != null) {
            event.setAll((ObjectNode) json.valueToTree(payload));
        }
        String text = event.toString();
        tellHooks(hook -> hook.serverEvent(id, text));
        connection.sendText(text).subscribe().with(
                done -> { }, failure -> LOG.debugf("send to %s failed: %s", id, failure));
    }

    void error(ClientError error, String clientEventId) {
        send("error", new ServerEvents.ErrorPayload(new ServerEvents.ErrorBody(
                error.type, error.code, error.getMessage(), error.param, clientEventId)));
    }

    void opened() {
        tellHooks(hook -> hook.opened(this));
    }

    void received(String rawJson) {
        tellHooks(hook -> hook.clientEvent(id, rawJson));
    }

    void closed(int code) {
        tellHooks(hook -> hook.closed(id, code));
    }

    private void tellHooks(Consumer<EmulatorTestHook> call) {
        for (EmulatorTestHook hook : hooks) {
            try {
                call.accept(hook);
            } catch (RuntimeException e) {
                LOG.warnf(e, "emulator test hook %s failed", hook);
            }
        }
    }
}
