package dev.aivoicebot.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the summary step of one call produced: the summary and outcome, or why there is none. The texts came from
 * the model and are already cleaned ({@code SafeText}); the reasons are ours.
 */
record Summary(boolean asked, boolean outcomeAsked, Optional<String> text, Optional<String> outcomeJson,
        String whyNoText, String whyNoOutcome) {

    /** The step did not run: turned off, or no open session to ask. */
    static final Summary NOT_ASKED = new Summary(false, false, Optional.empty(), Optional.empty(), null, null);

    static Summary none(boolean outcomeAsked, String why) {
        return new Summary(true, outcomeAsked, Optional.empty(), Optional.empty(), why, why);
    }

    /** The transcript's {@code summary:} and {@code outcome:} lines; none when nothing was asked. */
    List<String> transcriptLines() {
        List<String> lines = new ArrayList<>();
        if (!asked) {
            return lines;
        }
        lines.add("summary: " + text.orElse("none (" + whyNoText + ")"));
        if (outcomeAsked) {
            lines.add("outcome: " + outcomeJson.orElse("none (" + whyNoOutcome + ")"));
        }
        return lines;
    }
}
