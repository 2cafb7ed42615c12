package dev.aivoicebot.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Instance;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's WebSocket, shaped like {@code wss://api.openai.com/v1/realtime?model=…}. All callbacks are
 * non-blocking, so a connection's messages and its response timers share one event loop thread.
 */
@WebSocket(path = RealtimeEmulator.PATH, endpointId = RealtimeEmulatorWebSocket.ENDPOINT_ID)
class RealtimeEmulatorWebSocket {

    static final String ENDPOINT_ID = "openai-realtime-emulator";

    private final EmulatorConfig config;
    private final ReplyScript script;
    private final List<EmulatorTestHook> hooks;
    private final Vertx vertx;
    private final ObjectMapper json;
    private final Map<String, Connected> connections = new ConcurrentHashMap<>();

    /** A connection's socket and, unless it was refused, its protocol. */
    private record Connected(SessionConnection session, SessionProtocol protocol) {
    }

    RealtimeEmulatorWebSocket(EmulatorConfig config, ReplyScript script, Instance<EmulatorTestHook> hooks,
            Vertx vertx, ObjectMapper mapper) {
        this.config = config;
        this.script = script;
        this.hooks = hooks.stream().toList(); // none in the application; tests add theirs
        this.vertx = vertx;
        // the protocol's names are snake_case; records in ServerEvents are written through this copy
        this.json = mapper.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    @OnOpen
    @NonBlocking
    void onOpen(WebSocketConnection connection, HandshakeRequest handshake) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(handshake.headers());
        SessionConnection session = new SessionConnection(Ids.session(), queryParam(handshake.query(), "model"),
                Collections.unmodifiableMap(headers), connection, Vertx.currentContext(), json, hooks);
        session.opened();
        if (headers.containsKey("OpenAI-Beta")) {
            // the GA service accepts the upgrade, then refuses the beta shape and closes with 4000
            connections.put(connection.id(), new Connected(session, null));
            session.error(ClientError.of("beta_api_shape_disabled", "The beta Realtime API shape is no longer "
                    + "available. Remove the 'OpenAI-Beta' header and use the GA interface."), null);
            session.close(4000, "beta_api_shape_disabled");
            return;
        }
        SessionProtocol protocol = new SessionProtocol(session, json, vertx, config, script);
        connections.put(connection.id(), new Connected(session, protocol));
        protocol.open();
    }

    @OnTextMessage
    @NonBlocking
    void onText(String message, WebSocketConnection connection) {
        Connected connected = connections.get(connection.id());
        if (connected == null || connected.protocol() == null) {
            return;
        }
        connected.session().received(message);
        connected.protocol().onText(message);
    }

    @OnClose
    @NonBlocking
    void onClose(WebSocketConnection connection) {
        Connected connected = connections.remove(connection.id());
        if (connected == null) {
            return;
        }
        if (connected.protocol() != null) {
            connected.protocol().closed();
        }
        var reason = connection.closeReason();
        connected.session().closed(reason == null ? 1005 : reason.getCode());
    }

    private static String queryParam(String query, String name) {
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return "";
    }
}
