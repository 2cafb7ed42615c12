package dev.aivoicebot.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.metrics.CallMetrics;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens one OpenAI Realtime (GA) session per call with the websockets-next client connector. Only the
 * {@code Authorization} header is sent: the beta header is rejected by the GA service.
 */
@ApplicationScoped
public class RealtimeClient {

    /** Audio deltas can be large; Vert.x' default 64 KiB frame limit is too tight for a long answer chunk. */
    private static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

    private final Provider<BasicWebSocketConnector> connectors;
    private final RealtimeEndpoint endpoint;
    private final OpenAiConfig config;
    private final RealtimeEventDispatcher dispatcher;
    private final ObjectMapper json;

    @Inject
    RealtimeClient(Provider<BasicWebSocketConnector> connectors, RealtimeEndpoint endpoint, OpenAiConfig config,
            ObjectMapper json, CallMetrics metrics) {
        // Applied where the connector is created, so connect() reads the same whatever the TLS setup is.
        this.connectors = () -> withTls(connectors.get(), config);
        this.endpoint = endpoint;
        this.config = config;
        this.json = json;
        this.dispatcher = new RealtimeEventDispatcher(json, metrics.outbound());
    }

    /**
     * Connects and routes every server event to {@code handler}; fails if the socket is not open in time.
     * Once we close a connection ourselves ({@link RealtimeConnection#close()}), nothing more is reported from
     * it, so a late event or close of an old session can never be mistaken for one of its successor.
     */
    public Uni<RealtimeConnection> connect(RealtimeEventHandler handler) {
        AtomicBoolean closedReported = new AtomicBoolean();
        AtomicReference<RealtimeConnection> opened = new AtomicReference<>();
        return connectors.get()
                .baseUri(baseOf(endpoint.url())).path(pathOf(endpoint.url()))
                .addHeader("Authorization", "Bearer " + endpoint.bearerToken())
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .customizeOptions((connect, client) -> client.setMaxFrameSize(MAX_MESSAGE_BYTES)
                        .setMaxMessageSize(MAX_MESSAGE_BYTES)
                        .setConnectTimeout((int) config.connectTimeout().toMillis()))
                .onTextMessage((connection, text) -> {
                    if (!closedLocally(opened)) {
                        dispatcher.dispatch(text, handler);
                    }
                })
                .onClose((connection, reason) -> {
                    if (!closedLocally(opened) && closedReported.compareAndSet(false, true)) {
                        handler.upstreamClosed(reason.getCode(), reason.getMessage());
                    }
                })
                .onError((connection, failure) -> {
                    if (!closedLocally(opened) && closedReported.compareAndSet(false, true)) {
                        handler.upstreamClosed(CloseReason.INTERNAL_SERVER_ERROR.getCode(), describe(failure));
                    }
                })
                .connect()
                .ifNoItem().after(config.connectTimeout()).failWith(() -> new RealtimeConnectException("timed out"))
                .onFailure(failure -> !(failure instanceof RealtimeConnectException))
                .transform(failure -> new RealtimeConnectException(describe(failure)))
                .map(connection -> {
                    RealtimeConnection realtime = new RealtimeConnection(connection, json);
                    opened.set(realtime);
                    return realtime;
                });
    }

    private static boolean closedLocally(AtomicReference<RealtimeConnection> opened) {
        RealtimeConnection connection = opened.get();
        return connection != null && connection.closedLocally();
    }

    /** Never includes headers or URLs with credentials: only the failure's type and message. */
    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /*
     * Given a base URI that has a path, the connector adds a slash to it (/v1/realtime/?model=…, which a strict
     * server answers with 404), so the URL's path is passed as the connector's path and the base keeps the rest.
     */
    private static URI baseOf(String url) {
        URI uri = URI.create(url);
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private static String pathOf(String url) {
        return URI.create(url).getRawPath();
    }

    private static BasicWebSocketConnector withTls(BasicWebSocketConnector connector, OpenAiConfig config) {
        config.tlsConfigurationName().ifPresent(connector::tlsConfigurationName);
        return connector;
    }
}
