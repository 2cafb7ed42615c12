package dev.aivoicebot.twilio;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/** A Media Streams message from Twilio; only the part named by {@code event} is present. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record TwilioInbound(String event, String streamSid, String sequenceNumber, Start start, Media media,
        Mark mark, Dtmf dtmf, Stop stop) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Start(String accountSid, String streamSid, String callSid, List<String> tracks,
            Map<String, String> customParameters, MediaFormat mediaFormat) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MediaFormat(String encoding, Integer sampleRate, Integer channels) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Media(String track, String chunk, String timestamp, String payload) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mark(String name) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dtmf(String track, String digit) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stop(String accountSid, String callSid) {
    }
}
