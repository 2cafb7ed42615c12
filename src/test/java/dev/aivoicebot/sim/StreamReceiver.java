package dev.aivoicebot.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.sim.CallRecording.ClosedBy;
import dev.aivoicebot.sim.CallRecording.ReceivedEvent;
import dev.aivoicebot.sim.CallRecording.StreamSidMismatch;
import java.io.IOException;
import java.util.Base64;

/**
 * Reads every frame the service sends on the stream, records it, and routes {@code media},
 * {@code mark} and {@code clear} to the {@link TwilioPlayer}. Anything Twilio would not accept is
 * recorded as a problem rather than thrown, so a test can assert on it after the call.
 */
final class StreamReceiver implements StreamConnection.Handler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CallIdentity call;
    private final CallRecording recording;
    private final TwilioPlayer player;
    private final Runnable onStreamEnded;

    StreamReceiver(CallIdentity call, CallRecording recording, TwilioPlayer player, Runnable onStreamEnded) {
        this.call = call;
        this.recording = recording;
        this.player = player;
        this.onStreamEnded = onStreamEnded;
    }

    @Override
    public void onOpen() {
        recording.streamOpened();
    }

    /** Handles the frame first and records it after, so whoever awaits the event sees its effects. */
    @Override
    public void onText(String text) {
        long now = System.nanoTime();
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (IOException e) {
            recording.problem("text frame is not JSON: " + abbreviate(text));
            recording.event(new ReceivedEvent("(not json)", recording.at(now), text, null));
            return;
        }
        String event = json.path("event").asText("(no event)");
        try {
            route(event, json, text, now);
        } finally {
            recording.event(new ReceivedEvent(event, recording.at(now), text, json));
        }
    }

    private void route(String event, JsonNode json, String text, long now) {
        String streamSid = json.path("streamSid").asText(null);
        if (!call.streamSid().equals(streamSid)) {
            // Twilio would not apply a message addressed to another stream; neither do we.
            recording.mismatch(new StreamSidMismatch(recording.at(now), event, streamSid, abbreviate(text)));
            return;
        }
        switch (event) {
            case "media" -> media(json, now);
            case "mark" -> mark(json, now);
            case "clear" -> player.clear(now);
            default -> recording.problem("unexpected event from the service: " + abbreviate(text));
        }
    }

    private void media(JsonNode json, long now) {
        String payload = json.path("media").path("payload").asText(null);
        if (payload == null) {
            recording.problem("media without media.payload");
            return;
        }
        try {
            player.media(Base64.getDecoder().decode(payload), now);
        } catch (IllegalArgumentException e) {
            recording.problem("media payload is not standard base64: " + e.getMessage());
        }
    }

    private void mark(JsonNode json, long now) {
        String name = json.path("mark").path("name").asText(null);
        if (name == null) {
            recording.problem("mark without mark.name");
            return;
        }
        player.mark(name, now);
    }

    @Override
    public void onBinary(byte[] data) {
        long now = System.nanoTime();
        recording.problem("binary frame of " + data.length + " bytes; Twilio expects JSON text frames");
        recording.event(new ReceivedEvent("(binary)", recording.at(now), data.length + " bytes", null));
    }

    @Override
    public void onClose(int code, String reason) {
        // Stop the caller's audio before recording the close: a test woken by the close must see a quiet line.
        onStreamEnded.run();
        recording.closed(ClosedBy.SERVICE, code, reason);
    }

    @Override
    public void onError(Throwable error) {
        onStreamEnded.run();
        recording.closed(ClosedBy.CONNECTION_LOST, 1006, String.valueOf(error));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
