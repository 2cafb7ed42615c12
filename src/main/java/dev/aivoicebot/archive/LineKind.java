package dev.aivoicebot.archive;

import dev.aivoicebot.transcript.Speaker;
import dev.aivoicebot.transcript.TranscriptLine;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a transcript line records, so a timeline can show tool calls, transfers and recordings as events of their
 * own. Spoken lines are {@link #SPEECH}; a system line's kind is read from how the call writes it (the wording in
 * call/*: "tool …", "transfer to …", "recording started (…)", "summary: …"); anything else is a {@link #NOTE}.
 */
public enum LineKind {
    SPEECH, CALL_STARTED, CALL_ENDED, BARGE_IN, KEY_PRESS, TOOL, TRANSFER, RECORDING, SUMMARY, OUTCOME, USAGE, NOTE;

    /** System line prefixes, first match wins (a list, so "transferred" is not read as something shorter). */
    private static final List<Map.Entry<String, LineKind>> PREFIXES = List.of(
            Map.entry("call started", CALL_STARTED),
            Map.entry("call ended", CALL_ENDED),
            Map.entry("caller interrupted", BARGE_IN),
            Map.entry("caller pressed", KEY_PRESS),
            Map.entry("tool ", TOOL),
            Map.entry("mcp ", TOOL),
            Map.entry("transfer", TRANSFER),
            Map.entry("back from a transfer", TRANSFER),
            Map.entry("recording", RECORDING),
            Map.entry("summary: ", SUMMARY),
            Map.entry("outcome: ", OUTCOME),
            Map.entry("usage: ", USAGE));

    public static LineKind of(TranscriptLine line) {
        if (line.speaker() != Speaker.SYSTEM) {
            return SPEECH;
        }
        String text = line.text().toLowerCase(Locale.ROOT);
        return PREFIXES.stream().filter(p -> text.startsWith(p.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse(NOTE);
    }

    /** The lower-case name the API writes. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
