package dev.aivoicebot.archive;

import dev.aivoicebot.transcript.NumberedLine;
import dev.aivoicebot.transcript.Speaker;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who called whom, as a call's first line says ("call started from +15550100 to +15550199"): all that is known of
 * a call whose details are not written yet (it is live, or its process died). "unknown" is read as null. Public
 * for the database store, which keeps these parties on a call's row until its details arrive.
 */
public record StartLine(String from, String to) {

    private static final Pattern STARTED = Pattern.compile("^call started from (\\S+) to (\\S+)");
    public static final StartLine NONE = new StartLine(null, null);

    public static StartLine of(List<NumberedLine> lines) {
        if (lines.isEmpty() || lines.get(0).line().speaker() != Speaker.SYSTEM) {
            return NONE;
        }
        Matcher m = STARTED.matcher(lines.get(0).line().text());
        return m.find() ? new StartLine(known(m.group(1)), known(m.group(2))) : NONE;
    }

    private static String known(String party) {
        return "unknown".equals(party) ? null : party;
    }
}
