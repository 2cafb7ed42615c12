package dev.aivoicebot.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Writes Twilio's side of the stream. Every message after {@code connected} takes the next
 * sequenceNumber, and numbering and queueing happen under one lock so the numbers on the wire are
 * in order whichever thread sends.
 */
final class StreamSender {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamConnection connection;
    private final CallIdentity call;
    private final CallRecording recording;
    private long sequenceNumber;
    private long chunk;

    StreamSender(StreamConnection connection, CallIdentity call, CallRecording recording) {
        this.connection = connection;
        this.call = call;
        this.recording = recording;
    }

    synchronized void connectedAndStart(Map<String, String> customParameters) {
        send(TwilioMessages.Connected.create());
        send(TwilioMessages.Start.create(++sequenceNumber, call, customParameters));
    }

    /** One frame of caller audio; {@code timestampMs} is its position in the stream. */
    synchronized void media(byte[] frame, long timestampMs) {
        String payload = Base64.getEncoder().encodeToString(frame);
        send(TwilioMessages.Media.create(++sequenceNumber, call.streamSid(), ++chunk, timestampMs, payload));
        recording.sent(frame);
    }

    synchronized void dtmf(String digit) {
        send(TwilioMessages.Dtmf.create(++sequenceNumber, call.streamSid(), digit));
    }

    synchronized void markEcho(String name) {
        send(TwilioMessages.Mark.create(++sequenceNumber, call.streamSid(), name));
    }

    synchronized CompletableFuture<?> stopAndClose() {
        send(TwilioMessages.Stop.create(++sequenceNumber, call));
        return connection.sendClose(1000, "");
    }

    CompletableFuture<?> raw(String text) {
        return connection.sendText(text);
    }

    CompletableFuture<?> raw(byte[] binary) {
        return connection.sendBinary(binary);
    }

    private void send(Object message) {
        String text;
        try {
            text = JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + message, e);
        }
        connection.sendText(text).whenComplete((ignored, error) -> {
            if (error != null && !recording.isClosed()) {
                recording.problem("sending " + message.getClass().getSimpleName() + " failed: " + error);
            }
        });
    }
}
