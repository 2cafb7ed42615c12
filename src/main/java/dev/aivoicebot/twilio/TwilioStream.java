package dev.aivoicebot.twilio;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import org.jboss.logging.Logger;

/** Our side of one Twilio Media Stream: what the call sends to the caller, and how it hangs up. */
public final class TwilioStream {

    private static final Logger LOG = Logger.getLogger(TwilioStream.class);

    private final WebSocketConnection connection;
    private final String streamSid;

    public TwilioStream(WebSocketConnection connection, String streamSid) {
        this.connection = connection;
        this.streamSid = streamSid;
    }

    public String streamSid() {
        return streamSid;
    }

    public void sendAudio(String base64Payload) {
        send(TwilioOutbound.media(streamSid, base64Payload));
    }

    public void sendMark(String name) {
        send(TwilioOutbound.mark(streamSid, name));
    }

    /** Drops everything Twilio has buffered for the caller; Twilio then echoes all pending marks. */
    public void clear() {
        send(TwilioOutbound.clear(streamSid));
    }

    /** Ends the stream; Twilio then runs the TwiML after {@code <Connect>}, our {@code <Hangup/>}. */
    public void close(int code, String reason) {
        if (connection.isOpen()) {
            connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {
            }, failure -> LOG.debugf("Closing Twilio stream failed: %s", failure.getMessage()));
        }
    }

    private void send(String text) {
        if (connection.isOpen()) {
            connection.sendText(text).subscribe().with(ok -> {
            }, failure -> LOG.debugf("Sending to Twilio failed: %s", failure.getMessage()));
        }
    }
}
