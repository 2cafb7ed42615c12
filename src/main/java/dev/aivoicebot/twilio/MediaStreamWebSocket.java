package dev.aivoicebot.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.call.Base64Audio;
import dev.aivoicebot.call.CallAdmission;
import dev.aivoicebot.call.CallEndReason;
import dev.aivoicebot.call.CallSession;
import dev.aivoicebot.call.CallStarter;
import dev.aivoicebot.metrics.CallMetrics;
import dev.aivoicebot.metrics.CallRejection;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.safety.SafeText;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPingMessage;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Twilio Media Streams server endpoint, on each connection's event loop. It checks every message (see
 * docs/security.md for the close codes) and turns valid ones into calls on the stream's {@link StreamState} and
 * {@link dev.aivoicebot.call.CallSession}, kept in the connection's user data since the endpoint is a
 * singleton. No OpenAI session opens before a {@code start} with a valid stream token.
 */
@WebSocket(path = PublicEndpoints.STREAM_PATH, endpointId = MediaStreamWebSocket.ENDPOINT_ID)
public class MediaStreamWebSocket {

    static final String ENDPOINT_ID = "twilio-media-stream";
    /** A media payload of more than 2 s of audio is not something Twilio sends (it sends 20 ms). */
    static final int MAX_MEDIA_BYTES = 16_000;
    private static final Logger LOG = Logger.getLogger(MediaStreamWebSocket.class);
    private static final UserData.TypedKey<StreamState> STATE = new UserData.TypedKey<>("stream");
    private static final Pattern STREAM_SID = Pattern.compile("^MZ[0-9a-fA-F]{32}$");
    private static final Pattern DTMF_DIGIT = Pattern.compile("^[0-9*#A-Da-d]$");

    private final TwilioMessageReader reader;
    private final CallStarter calls;
    private final CallAdmission admission;
    private final StreamTokens tokens;
    private final TwilioConfig config;
    private final Vertx vertx;
    private final CallMetrics metrics;

    MediaStreamWebSocket(ObjectMapper json, CallStarter calls, CallAdmission admission, StreamTokens tokens,
            TwilioConfig config, Vertx vertx, CallMetrics metrics) {
        this.metrics = metrics;
        this.reader = new TwilioMessageReader(json);
        this.calls = calls;
        this.admission = admission;
        this.tokens = tokens;
        this.config = config;
        this.vertx = vertx;
    }

    @OnOpen
    @NonBlocking // on the connection's event loop, so the state exists before its first message
    void onOpen(WebSocketConnection connection) {
        long timer = vertx.setPeriodic(1_000, id -> checkTimeouts(connection));
        connection.userData().put(STATE, new StreamState(timer));
    }

    @OnTextMessage
    @NonBlocking
    void onMessage(String text, WebSocketConnection connection) {
        long received = metrics.inbound().receivedAt();
        StreamState stream = connection.userData().get(STATE);
        if (stream == null || stream.stopped) {
            return; // after stop: the stream is closing, nothing more counts
        }
        if (!admitted(stream, connection)) {
            return;
        }
        TwilioInbound message;
        try {
            message = reader.read(text);
        } catch (JsonProcessingException e) {
            reject(connection, StreamClose.NOT_JSON);
            return;
        }
        if (message == null) {
            reject(connection, StreamClose.NOT_JSON);
        } else if (message.event() == null) {
            reject(connection, StreamClose.NO_EVENT);
        } else if ("start".equals(message.event())) {
            onStart(message, stream, connection);
        } else if ("connected".equals(message.event())) {
            LOG.trace("Twilio stream connected");
        } else if (isCallEvent(message.event())) {
            onCallEvent(message, stream, connection, received);
        } else {
            // Forward compatibility: Twilio may add events; an unknown one is ignored (and rate limited).
            LOG.debugf("Ignoring Twilio event '%s'", truncate(SafeText.of(message.event())));
        }
    }

    /** Pings and pongs count toward the message rate like any message: each costs a dispatch (and a pong). */
    @OnPingMessage
    @NonBlocking
    void onPing(Buffer data, WebSocketConnection connection) {
        StreamState stream = connection.userData().get(STATE);
        if (stream != null && !stream.stopped) {
            admitted(stream, connection);
        }
    }

    @OnPongMessage
    @NonBlocking
    void onPong(Buffer data, WebSocketConnection connection) {
        onPing(data, connection);
    }

    private boolean admitted(StreamState stream, WebSocketConnection connection) {
        if (stream.admit(System.nanoTime(), config.maxMessagesPerSecond())) {
            return true;
        }
        reject(connection, StreamClose.RATE_LIMIT);
        return false;
    }

    private static boolean isCallEvent(String event) {
        return switch (event) {
            case "media", "mark", "dtmf", "stop" -> true;
            default -> false;
        };
    }

    private void onCallEvent(TwilioInbound message, StreamState stream, WebSocketConnection connection,
            long receivedAt) {
        if (stream.call == null) {
            reject(connection, StreamClose.BEFORE_START, message.event());
            return;
        }
        if (!stream.streamSid.equals(message.streamSid())) {
            reject(connection, StreamClose.WRONG_STREAM);
            return;
        }
        switch (message.event()) {
            case "media" -> {
                if (onMedia(message, stream, connection)) {
                    metrics.inbound().forwarded(receivedAt);
                }
            }
            case "mark" -> {
                if (message.mark() != null && message.mark().name() != null) {
                    stream.call.markEchoed(message.mark().name());
                }
            }
            case "dtmf" -> {
                if (message.dtmf() == null || message.dtmf().digit() == null
                        || !DTMF_DIGIT.matcher(message.dtmf().digit()).matches()) {
                    reject(connection, StreamClose.BAD_DTMF);
                } else {
                    stream.call.dtmf(message.dtmf().digit());
                }
            }
            default -> { // stop
                stream.stopped = true;
                stream.call.end(CallEndReason.CALLER_HUNG_UP, "caller hung up");
            }
        }
    }

    /** Relays a media frame; false when it was rejected or dropped (then it is not counted as forwarded). */
    private boolean onMedia(TwilioInbound message, StreamState stream, WebSocketConnection connection) {
        String payload = message.media() == null ? null : message.media().payload();
        int bytes = Base64Audio.decodedLength(payload); // validates it too: computed once per frame
        if (bytes < 0) {
            reject(connection, StreamClose.BAD_MEDIA);
            return false;
        }
        if (bytes > MAX_MEDIA_BYTES) {
            reject(connection, StreamClose.MEDIA_TOO_LARGE);
            return false;
        }
        return stream.call.callerAudio(payload, bytes);
    }

    private void onStart(TwilioInbound message, StreamState stream, WebSocketConnection connection) {
        if (stream.call != null) {
            reject(connection, StreamClose.DUPLICATE_START);
            return;
        }
        TwilioInbound.Start start = message.start();
        if (start == null || !CallSid.isValid(start.callSid()) || message.streamSid() == null
                || !STREAM_SID.matcher(message.streamSid()).matches()
                || (start.streamSid() != null && !start.streamSid().equals(message.streamSid()))) {
            metrics.callRejected(CallRejection.INVALID_REQUEST);
            reject(connection, StreamClose.INVALID_START);
            return;
        }
        Map<String, String> parameters = start.customParameters() == null ? Map.of() : start.customParameters();
        StreamTokens.Verdict verdict = tokens.check(parameters.get(StreamTokens.PARAMETER), start.callSid());
        if (verdict != StreamTokens.Verdict.ACCEPTED) {
            metrics.callRejected(CallRejection.INVALID_REQUEST);
            reject(connection, verdict.close());
            return;
        }
        if (admission.checkRoom().isPresent()) {
            reject(connection, StreamClose.AT_CAPACITY);
            return;
        }
        TwilioStream twilio = new TwilioStream(connection, connection.userData().get(StreamSocket.KEY),
                message.streamSid());
        Optional<CallSession> call = calls.start(new CallSid(start.callSid()), twilio, parameters.get("From"),
                parameters.get("To"));
        if (call.isEmpty()) { // e.g. a replayed webhook's second token: one stream per call on this replica
            metrics.callRejected(CallRejection.INVALID_REQUEST);
            reject(connection, StreamClose.ALREADY_STREAMING);
            return;
        }
        stream.streamSid = message.streamSid();
        stream.call = call.get();
    }

    @OnBinaryMessage
    @NonBlocking
    void onBinary(Buffer data, WebSocketConnection connection) {
        reject(connection, StreamClose.BINARY_FRAME);
    }

    private void checkTimeouts(WebSocketConnection connection) {
        StreamState stream = connection.userData().get(STATE);
        if (stream == null || !connection.isOpen()) {
            return;
        }
        long now = System.nanoTime();
        if (stream.call == null && now - stream.openedAtNanos > config.startTimeout().toNanos()) {
            reject(connection, StreamClose.NO_START, config.startTimeout().toSeconds());
        } else if (stream.call != null && now - stream.lastMessageNanos > config.idleTimeout().toNanos()) {
            reject(connection, StreamClose.IDLE, config.idleTimeout().toSeconds());
        }
    }

    @OnClose
    void onClose(WebSocketConnection connection) {
        StreamState stream = connection.userData().get(STATE);
        if (stream != null) {
            vertx.cancelTimer(stream.timerId);
            if (stream.call != null) {
                stream.call.end(CallEndReason.CALLER_HUNG_UP, "stream closed");
            }
        }
    }

    /** On the event loop, so a refused frame's call ends (with its reason) before {@code @OnClose} runs. */
    @OnError
    @NonBlocking
    void onError(Throwable failure, WebSocketConnection connection) {
        if (failure instanceof CorruptedWebSocketFrameException corrupt) {
            // FrameGuard has sent the close frame and Vert.x has dropped the connection: end the call.
            reject(connection, FrameGuard.closeFor(corrupt));
            return;
        }
        if (failure instanceof IllegalStateException
                && String.valueOf(failure.getMessage()).contains("max message size")) { // frames adding up past 64 KiB
            reject(connection, StreamClose.TOO_LARGE);
            return;
        }
        if (failure instanceof HttpClosedException) {
            return; // the peer vanished; @OnClose ends the call
        }
        LOG.warnf(failure, "Media stream error: %s", failure.getClass().getSimpleName());
        reject(connection, StreamClose.INTERNAL_ERROR);
    }

    private void reject(WebSocketConnection connection, StreamClose close) {
        reject(connection, close, null);
    }

    /** Closes the stream with {@code close}; a call in progress ends with the same reason. */
    private void reject(WebSocketConnection connection, StreamClose close, Object detail) {
        int code = close.code();
        String reason = close.reason(detail);
        StreamState stream = connection.userData().get(STATE);
        if (stream != null) {
            if (stream.stopped && stream.call == null) {
                return; // already rejected
            }
            stream.stopped = true;
        }
        LOG.infof("Closing media stream (%d): %s", code, reason);
        connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {
        }, failure -> LOG.debugf("Close failed: %s", failure.getMessage()));
        if (stream != null && stream.call != null) {
            stream.call.end(CallEndReason.ERROR, reason);
        }
    }

    private static String truncate(String text) {
        return text.length() > 40 ? text.substring(0, 40) : text;
    }
}
