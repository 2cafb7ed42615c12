package dev.aivoicebot.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aivoicebot.safety.SafeText;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What is known about a call once it has ended, kept beside its transcript as {@code <start>_<CallSid>.json}
 * (see {@link CallDetailsFile}). The transcript says what was said; this says who called whom, how long, how it
 * ended and what it cost. Fields nobody knows are null.
 *
 * @param direction {@value #INBOUND} or {@value #OUTBOUND}
 * @param endReason the end reason's enum name (e.g. {@code CALLER_HUNG_UP}), for filters
 * @param endReasonText the end reason as the transcript's last line words it
 * @param outcome the structured outcome of the call (a JSON object), if one was produced
 */
@RegisterForReflection // read and written by Jackson; no endpoint signature names it
public record CallDetails(String callSid, String direction, String from, String to, String profile,
        Instant startedAt, Instant endedAt, long durationMs, String endReason, String endReasonText,
        String transferTarget, String recordingSid, String summary, JsonNode outcome, Usage usage, Double costUsd) {

    public static final String INBOUND = "inbound";
    public static final String OUTBOUND = "outbound";

    /** Tokens the call's Realtime session used, summed over its responses. */
    @RegisterForReflection
    public record Usage(long inputTextTokens, long inputAudioTokens, long cachedInputTextTokens,
            long cachedInputAudioTokens, long outputTextTokens, long outputAudioTokens) {
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Filled by the call as it ends; the transcript adds the CallSid, start and end when it closes
     * ({@link TranscriptWriter#close(String, Builder)}). Text from outside is made safe here.
     */
    public static final class Builder {
        private String direction = INBOUND;
        private String from;
        private String to;
        private String profile;
        private String endReason;
        private String endReasonText;
        private String transferTarget;
        private String recordingSid;
        private String summary;
        private JsonNode outcome;
        private Usage usage;
        private Double costUsd;

        private Builder() {
        }

        public Builder direction(String direction) {
            this.direction = direction;
            return this;
        }

        public Builder from(String from) {
            this.from = safeOrNull(from);
            return this;
        }

        public Builder to(String to) {
            this.to = safeOrNull(to);
            return this;
        }

        public Builder profile(String profile) {
            this.profile = safeOrNull(profile);
            return this;
        }

        public Builder endReason(String name, String text) {
            this.endReason = name;
            this.endReasonText = text;
            return this;
        }

        public Builder transferTarget(String transferTarget) {
            this.transferTarget = safeOrNull(transferTarget);
            return this;
        }

        public Builder recordingSid(String recordingSid) {
            this.recordingSid = safeOrNull(recordingSid);
            return this;
        }

        /** Masked like a transcript line when the transcript closes. */
        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        /** A JSON object; anything else is dropped. */
        public Builder outcome(JsonNode outcome) {
            this.outcome = outcome != null && outcome.isObject() ? outcome : null;
            return this;
        }

        public Builder usage(Usage usage) {
            this.usage = usage;
            return this;
        }

        public Builder costUsd(Double costUsd) {
            this.costUsd = costUsd;
            return this;
        }

        CallDetails build(String callSid, Instant startedAt, Instant endedAt, PersonalDataMask mask) {
            String maskedSummary = summary == null ? null : mask.apply(SafeText.line(summary));
            JsonNode maskedOutcome = outcome == null ? null : masked(outcome.deepCopy(), mask);
            Instant ended = endedAt.truncatedTo(ChronoUnit.MILLIS); // as the transcript's last line has it
            return new CallDetails(callSid, direction, from, to, profile, startedAt, ended,
                    Duration.between(startedAt, ended).toMillis(), endReason, endReasonText, transferTarget,
                    recordingSid, maskedSummary, maskedOutcome, usage, costUsd);
        }

        /** The outcome's texts come from the model, which may repeat what the caller said: masked like lines. */
        private static JsonNode masked(JsonNode node, PersonalDataMask mask) {
            if (node instanceof ObjectNode object) {
                object.properties().forEach(field -> field.setValue(masked(field.getValue(), mask)));
                return object;
            }
            if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, masked(array.get(i), mask));
                }
                return array;
            }
            return node.isTextual() ? TextNode.valueOf(mask.apply(SafeText.line(node.asText()))) : node;
        }

        private static String safeOrNull(String text) {
            String safe = SafeText.of(text);
            return safe.isEmpty() ? null : safe;
        }
    }
}
