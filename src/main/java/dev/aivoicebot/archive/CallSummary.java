package dev.aivoicebot.archive;

import dev.aivoicebot.transcript.CallDetails;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * A call in a list. Fields not known yet (a live call has no end; an unfinished one never gets one) are null.
 *
 * @param live in progress on this replica
 * @param summary the call's summary, cut to {@value #SHORT} characters
 */
@RegisterForReflection
public record CallSummary(String callSid, String direction, String from, String to, String profile,
        Instant startedAt, Instant endedAt, Long durationMs, String endReason, boolean live, Double costUsd,
        String summary) {

    static final int SHORT = 160;

    /**
     * From what is on record of the call: its details once it has ended, else the parties its first line names.
     * Every archive builds its list items here, so they answer alike.
     */
    public static CallSummary of(String callSid, Instant startedAt, CallDetails details, StartLine start, boolean live) {
        if (details == null) {
            return new CallSummary(callSid, null, start.from(), start.to(), null, startedAt, null, null, null, live,
                    null, null);
        }
        return new CallSummary(callSid, details.direction(), details.from(), details.to(), details.profile(),
                startedAt, details.endedAt(), details.durationMs(), details.endReason(), live, details.costUsd(),
                shorten(details.summary()));
    }

    private static String shorten(String text) {
        return text == null || text.length() <= SHORT ? text : text.substring(0, SHORT - 1) + "…";
    }
}
