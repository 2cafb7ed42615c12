package dev.aivoicebot.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aivoicebot.transcript.CallDetails;
import dev.aivoicebot.transcript.CallDetails.Usage;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * One call as the API shows it: its record (null where not known yet), every line, and what came of it.
 *
 * @param endReasonText the end reason as the transcript's last line words it
 * @param outcome the structured outcome (a JSON object), once produced
 */
@RegisterForReflection
public record CallView(String callSid, String direction, String from, String to, String profile, Instant startedAt,
        Instant endedAt, Long durationMs, String endReason, String endReasonText, String transferTarget,
        String recordingSid, boolean live, String summary, JsonNode outcome, Usage usage, Double costUsd,
        List<CallLine> lines) {

    /** Like {@link CallSummary#of}, with the whole summary and the lines: one mapping for every archive. */
    public static CallView of(String callSid, Instant startedAt, CallDetails details, StartLine start, boolean live,
            List<CallLine> lines) {
        if (details == null) {
            return new CallView(callSid, null, start.from(), start.to(), null, startedAt, null, null, null, null,
                    null, null, live, null, null, null, null, lines);
        }
        return new CallView(callSid, details.direction(), details.from(), details.to(), details.profile(), startedAt,
                details.endedAt(), details.durationMs(), details.endReason(), details.endReasonText(),
                details.transferTarget(), details.recordingSid(), live, details.summary(), details.outcome(),
                details.usage(), details.costUsd(), lines);
    }
}
