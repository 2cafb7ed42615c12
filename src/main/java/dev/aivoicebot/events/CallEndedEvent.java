package dev.aivoicebot.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.aivoicebot.transcript.CallDetails;
import dev.aivoicebot.transcript.NumberedLine;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * What the business receives when a call has ended (docs/events.md): the call's details, every transcript line as
 * the file has it, and, at the top for convenience, the summary, outcome, usage and cost. {@code id} is the
 * CallSid: one event per call, so it is the idempotency key.
 */
@RegisterForReflection
public record CallEndedEvent(String type, String id, Instant occurredAt, CallDetails call, List<Line> transcript,
        String summary, JsonNode outcome, CallDetails.Usage usage, Double costUsd) {

    public static final String TYPE = "call.ended";

    /** A transcript line: its number in the file, time, speaker tag, whether cut off, the text as written. */
    @RegisterForReflection
    public record Line(int seq, Instant at, String speaker, boolean interrupted, String text) {
    }

    /** The event body's own mapper: its format does not change with the HTTP layer's JSON settings. */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    static CallEndedEvent of(CallDetails details, List<NumberedLine> lines) {
        List<Line> transcript = lines.stream().map(n -> new Line(n.seq(), n.line().at(), n.line().speaker().tag(),
                n.line().interrupted(), n.line().text())).toList();
        return new CallEndedEvent(TYPE, details.callSid(), details.endedAt(), details, transcript, details.summary(),
                details.outcome(), details.usage(), details.costUsd());
    }

    /** The bytes that are stored in the outbox, signed and sent, unchanged from the first attempt to the last. */
    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
