package dev.aivoicebot.twilio;

import dev.aivoicebot.call.CallerLine;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/** Our side of one Twilio Media Stream: what the call sends to the caller, and how it hangs up. */
public final class TwilioStream implements CallerLine {

    /**
     * Unsent messages beyond which the caller counts as not reading: 1 MiB is about 95 s of audio (a second of
     * μ-law is ~11 KB of base64 JSON). Twilio reads as fast as we write, so a live call stays near zero.
     */
    static final long MAX_UNSENT_BYTES = 1 << 20;
    /**
     * How long a stalled caller may still take its backlog and our close frame behind it before the socket is
     * dropped: the 10 s Vert.x gives a peer to answer a close frame.
     */
    static final long DROP_AFTER_MS = 10_000;
    private static final Logger LOG = Logger.getLogger(TwilioStream.class);

    private final WebSocketConnection connection;
    private final StreamSocket socket;
    private final String streamSid;
    /**
     * Characters handed to the socket whose write has not completed: queued on its event loop (the OpenAI side
     * sends from another one), in Netty's outbound buffer, or waiting for the kernel to take them. Counting at
     * the hand-over catches a backlog wherever it sits.
     */
    private final AtomicLong unsent = new AtomicLong();
    private volatile boolean stalled;

    TwilioStream(WebSocketConnection connection, StreamSocket socket, String streamSid) {
        this.connection = connection;
        this.socket = socket;
        this.streamSid = streamSid;
    }

    public String streamSid() {
        return streamSid;
    }

    /**
     * Sends audio toward the caller; false when the caller has stopped reading ({@link #MAX_UNSENT_BYTES}
     * unsent). Then the stream is closed (1008) and, whatever is still queued, dropped {@link #DROP_AFTER_MS} later.
     */
    @Override
    public boolean sendAudio(String base64Payload) {
        if (unsent.get() > MAX_UNSENT_BYTES) {
            if (!stalled) {
                stalled = true;
                StreamClose notReading = StreamClose.NOT_READING;
                LOG.infof("Closing media stream (%d): %s", notReading.code(), notReading.reason());
                close(notReading.code(), notReading.reason());
                socket.dropAfter(DROP_AFTER_MS);
            }
            return false;
        }
        send(TwilioOutbound.media(streamSid, base64Payload));
        return true;
    }

    @Override
    public void sendMark(String name) {
        send(TwilioOutbound.mark(streamSid, name));
    }

    /** Drops everything Twilio has buffered for the caller; Twilio then echoes all pending marks. */
    @Override
    public void clear() {
        send(TwilioOutbound.clear(streamSid));
    }

    /** Ends the stream; Twilio then runs the TwiML after {@code <Connect>}, our {@code <Hangup/>}. */
    @Override
    public void close(int code, String reason) {
        if (connection.isOpen()) {
            connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {
            }, failure -> LOG.debugf("Closing Twilio stream failed: %s", failure.getMessage()));
        }
    }

    private void send(String text) {
        if (connection.isOpen()) {
            int size = text.length(); // ASCII JSON: one byte a character
            unsent.addAndGet(size);
            connection.sendText(text).subscribe().with(ok -> unsent.addAndGet(-size), failure -> {
                unsent.addAndGet(-size);
                LOG.debugf("Sending to Twilio failed: %s", failure.getMessage());
            });
        }
    }
}
