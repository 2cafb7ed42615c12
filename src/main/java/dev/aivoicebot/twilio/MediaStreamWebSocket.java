package dev.aivoicebot.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.call.CallEndReason;
import dev.aivoicebot.call.CallSession;
import dev.aivoicebot.call.CallStarter;
import dev.aivoicebot.metrics.CallMetrics;
import dev.aivoicebot.metrics.CallRejection;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Twilio Media Streams server endpoint, running on each connection's event loop. It translates Twilio's
 * messages into calls on the stream's {@link CallSession} (kept in the connection's user data, since the
 * endpoint itself is a singleton); the session decides what they mean.
 */
@WebSocket(path = PublicEndpoints.STREAM_PATH)
public class MediaStreamWebSocket {

    private static final Logger LOG = Logger.getLogger(MediaStreamWebSocket.class);
    private static final Pattern STREAM_SID = Pattern.compile("^MZ[0-9a-fA-F]{32}$");
    private static final Pattern DTMF_DIGIT = Pattern.compile("^[0-9*#A-Da-dw]$");

    private static final UserData.TypedKey<CallSession> CALL = new UserData.TypedKey<>("call");

    private final ObjectMapper json;
    private final CallStarter calls;
    private final CallMetrics metrics;

    MediaStreamWebSocket(ObjectMapper json, CallStarter calls, CallMetrics metrics) {
        this.json = json;
        this.calls = calls;
        this.metrics = metrics;
    }

    @OnTextMessage
    @NonBlocking
    void onMessage(String text, WebSocketConnection connection) {
        long received = metrics.inbound().receivedAt();
        TwilioInbound message;
        try {
            message = json.readValue(text, TwilioInbound.class);
        } catch (JsonProcessingException e) {
            reject(connection, 1007, "message is not valid JSON");
            return;
        }
        String event = message.event() == null ? "" : message.event();
        CallSession call = connection.userData().get(CALL);
        switch (event) {
            case "media" -> {
                onMedia(message, call, connection);
                metrics.inbound().forwarded(received);
            }
            case "mark" -> {
                if (call != null && message.mark() != null && message.mark().name() != null) {
                    call.markEchoed(message.mark().name());
                }
            }
            case "start" -> onStart(message, call, connection);
            case "dtmf" -> {
                if (call != null && message.dtmf() != null && message.dtmf().digit() != null
                        && DTMF_DIGIT.matcher(message.dtmf().digit()).matches()) {
                    call.dtmf(message.dtmf().digit());
                }
            }
            case "stop" -> {
                if (call != null) {
                    call.end(CallEndReason.CALLER_HUNG_UP, "caller hung up");
                } else {
                    connection.close().subscribe().with(ok -> {
                    }, failure -> {
                    });
                }
            }
            case "connected" -> {
            }
            default -> LOG.debugf("Ignoring Twilio event '%s'", event.length() > 40 ? event.substring(0, 40) : event);
        }
    }

    private void onMedia(TwilioInbound message, CallSession call, WebSocketConnection connection) {
        if (call == null || message.media() == null) {
            return;
        }
        if (Base64Audio.decodedLength(message.media().payload()) < 0) {
            reject(connection, 1007, "media payload is not base64");
            return;
        }
        call.callerAudio(message.media().payload());
    }

    private void onStart(TwilioInbound message, CallSession call, WebSocketConnection connection) {
        TwilioInbound.Start start = message.start();
        if (call != null) {
            reject(connection, 1008, "duplicate start");
            return;
        }
        if (start == null || !CallSid.isValid(start.callSid()) || message.streamSid() == null
                || !STREAM_SID.matcher(message.streamSid()).matches()) {
            metrics.callRejected(CallRejection.INVALID_REQUEST);
            reject(connection, 1008, "start without a valid callSid and streamSid");
            return;
        }
        Map<String, String> parameters = start.customParameters() == null ? Map.of() : start.customParameters();
        connection.userData().put(CALL, calls.start(new CallSid(start.callSid()), new TwilioStream(connection, message.streamSid()),
                parameters.get("From"), parameters.get("To")));
    }

    @OnClose
    void onClose(WebSocketConnection connection) {
        CallSession call = connection.userData().get(CALL);
        if (call != null) {
            call.end(CallEndReason.CALLER_HUNG_UP, "stream closed");
        }
    }

    @OnError
    void onError(Throwable failure, WebSocketConnection connection) {
        CallSession call = connection.userData().get(CALL);
        LOG.warnf("Media stream error: %s", failure.getClass().getSimpleName());
        if (call != null) {
            call.end(CallEndReason.ERROR, "stream error");
        } else {
            reject(connection, 1011, "internal error");
        }
    }

    private void reject(WebSocketConnection connection, int code, String reason) {
        LOG.infof("Closing media stream: %s", reason);
        connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {
        }, failure -> {
        });
        CallSession call = connection.userData().get(CALL);
        if (call != null) {
            call.end(CallEndReason.ERROR, reason);
        }
    }
}
