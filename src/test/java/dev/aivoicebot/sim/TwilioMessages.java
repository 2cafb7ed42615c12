package dev.aivoicebot.sim;

import java.util.List;
import java.util.Map;

/**
 * The messages Twilio sends on a Media Stream, field for field and in Twilio's order. Numbers that
 * Twilio sends as strings (sequenceNumber, chunk, timestamp) are strings here too. Public for the load
 * benchmark's callers, which send the same messages.
 */
public final class TwilioMessages {

    private TwilioMessages() {
    }

    public record Connected(String event, String protocol, String version) {
        public static Connected create() {
            return new Connected("connected", "Call", "1.0.0");
        }
    }

    public record Start(String event, String sequenceNumber, String streamSid, StartDetails start) {
        public static Start create(long sequenceNumber, CallIdentity call, Map<String, String> customParameters) {
            return new Start("start", Long.toString(sequenceNumber), call.streamSid(),
                    new StartDetails(call.accountSid(), call.streamSid(), call.callSid(), List.of("inbound"),
                            customParameters, new MediaFormat("audio/x-mulaw", 8000, 1)));
        }
    }

    public record StartDetails(String accountSid, String streamSid, String callSid, List<String> tracks,
            Map<String, String> customParameters, MediaFormat mediaFormat) {
    }

    public record MediaFormat(String encoding, int sampleRate, int channels) {
    }

    public record Media(String event, String sequenceNumber, String streamSid, MediaDetails media) {
        public static Media create(long sequenceNumber, String streamSid, long chunk, long timestampMs, String payload) {
            return new Media("media", Long.toString(sequenceNumber), streamSid,
                    new MediaDetails("inbound", Long.toString(chunk), Long.toString(timestampMs), payload));
        }
    }

    public record MediaDetails(String track, String chunk, String timestamp, String payload) {
    }

    public record Dtmf(String event, String streamSid, String sequenceNumber, DtmfDetails dtmf) {
        public static Dtmf create(long sequenceNumber, String streamSid, String digit) {
            return new Dtmf("dtmf", streamSid, Long.toString(sequenceNumber), new DtmfDetails("inbound_track", digit));
        }
    }

    public record DtmfDetails(String track, String digit) {
    }

    /** Twilio's echo of a mark the service sent. */
    public record Mark(String event, String sequenceNumber, String streamSid, MarkDetails mark) {
        public static Mark create(long sequenceNumber, String streamSid, String name) {
            return new Mark("mark", Long.toString(sequenceNumber), streamSid, new MarkDetails(name));
        }
    }

    public record MarkDetails(String name) {
    }

    public record Stop(String event, String sequenceNumber, String streamSid, StopDetails stop) {
        public static Stop create(long sequenceNumber, CallIdentity call) {
            return new Stop("stop", Long.toString(sequenceNumber), call.streamSid(),
                    new StopDetails(call.accountSid(), call.callSid()));
        }
    }

    public record StopDetails(String accountSid, String callSid) {
    }
}
