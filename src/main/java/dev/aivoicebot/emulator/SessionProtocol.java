package dev.aivoicebot.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The Realtime protocol of one connection: parses each client event and hands it to the part that owns
 * it. Every method runs on the connection's event loop; refusals become {@code error} events, never crashes.
 */
final class SessionProtocol {

    private static final Logger LOG = Logger.getLogger(SessionProtocol.class);

    private final SessionConnection session;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final EmulatorConfig config;
    private final SessionSettings settings;
    private final Conversation conversation;
    private final McpToolLists mcpToolLists;
    private final Responses responses;
    private final InputAudio input;
    private final Truncator truncator;
    private long expiryTimer = -1;

    SessionProtocol(SessionConnection session, ObjectMapper json, Vertx vertx, EmulatorConfig config,
            ReplyScript script) {
        this.session = session;
        this.json = json;
        this.vertx = vertx;
        this.config = config;
        Instant expiresAt = Instant.now().plus(config.maxSessionDuration());
        settings = new SessionSettings(json, session.id(), session.model(), expiresAt);
        ToolCalls calls = new ToolCalls();
        conversation = new Conversation(session, json, calls);
        ToolCallRules rules = config.toolCalls().orElse(ToolCallRules.NONE);
        mcpToolLists = new McpToolLists(session, conversation, rules, json);
        ResponseObjects objects = new ResponseObjects(json, settings, conversation);
        responses = new Responses(session, new ReplyPlanner(session, conversation, settings, calls, rules, script,
                config, objects), objects, config, vertx, new OutOfBandAnswers(json, conversation));
        input = new InputAudio(session, settings, conversation, responses, script,
                new EnergyVad(config.vadThreshold()));
        truncator = new Truncator(session, conversation);
    }

    void open() {
        session.send("session.created", new ServerEvents.SessionPayload(settings.snapshot()));
        expiryTimer = vertx.setTimer(config.maxSessionDuration().toMillis(), ignored -> {
            session.error(ClientError.of("session_expired", "Your session hit the maximum duration of "
                    + config.maxSessionDuration().toMinutes() + " minutes."), null);
            session.close(1000, "session_expired");
        });
    }

    void onText(String raw) {
        JsonNode event;
        try {
            event = json.readTree(raw);
        } catch (JsonProcessingException e) {
            session.error(ClientError.of("invalid_json", "We could not parse the JSON body of your request: "
                    + e.getOriginalMessage()), null);
            return;
        }
        String type = event.path("type").isTextual() ? event.get("type").asText() : null;
        String clientEventId = event.path("event_id").isTextual() ? event.get("event_id").asText() : null;
        try {
            if (type == null) {
                throw ClientError.missing("type");
            }
            dispatch(type, event);
        } catch (ClientError e) {
            session.error(e, clientEventId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "emulator failed on %s", type);
            session.error(new ClientError("server_error", null, "The emulator failed on " + type + ": " + e, null),
                    clientEventId);
        }
    }

    private void dispatch(String type, JsonNode event) {
        switch (type) {
            case "session.update" -> {
                settings.update(event.get("session"), responses.audioProduced());
                session.send("session.updated", new ServerEvents.SessionPayload(settings.snapshot()));
                mcpToolLists.listNew(settings.tools());
            }
            case "input_audio_buffer.append" -> input.append(event);
            case "input_audio_buffer.commit" -> input.commit();
            case "input_audio_buffer.clear" -> input.clear();
            case "conversation.item.create" -> conversation.create(event);
            case "conversation.item.delete" -> conversation.delete(event);
            case "conversation.item.truncate" -> truncator.truncate(event);
            case "response.create" -> responses.create(event);
            case "response.cancel" -> responses.cancel(event);
            default -> throw ClientError.invalidValue("Invalid value: '" + type + "'. The emulator supports "
                    + "session.update, input_audio_buffer.append/commit/clear, conversation.item.create/delete/"
                    + "truncate, response.create and response.cancel.", "type");
        }
    }

    /** The connection is gone: no more timers, no more sends. */
    void closed() {
        responses.close();
        if (expiryTimer >= 0) {
            vertx.cancelTimer(expiryTimer);
        }
    }
}
