package dev.aivoicebot.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.transcript.Speaker;
import dev.aivoicebot.transcript.TranscriptLine;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small pieces of the archive: how a line's kind is read, and the page cursor. */
class ArchivePiecesTest {

    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void systemLinesAreReadAsTheEventsTheCallWroteThemFor() {
        Map<String, LineKind> lines = Map.ofEntries(
                Map.entry("call started from +15550100 to +15550199", LineKind.CALL_STARTED),
                Map.entry("call ended: caller hung up after 3.0 s", LineKind.CALL_ENDED),
                Map.entry("caller interrupted the assistant after 1.32 s of 3.80 s sent", LineKind.BARGE_IN),
                Map.entry("caller pressed 2", LineKind.KEY_PRESS),
                Map.entry("tool current_time: ok in 0.01 s", LineKind.TOOL),
                Map.entry("MCP crm tool find_customer: approved", LineKind.TOOL),
                Map.entry("transfer to sales requested", LineKind.TRANSFER),
                Map.entry("transferred to sales", LineKind.TRANSFER),
                Map.entry("back from a transfer to sales nobody answered", LineKind.TRANSFER),
                Map.entry("recording started (RE0123)", LineKind.RECORDING),
                Map.entry("summary: booked a table", LineKind.SUMMARY),
                Map.entry("outcome: {\"resolved\":true}", LineKind.OUTCOME),
                Map.entry("usage: input 10 tokens (0 cached), output 5 tokens; estimated cost $0.0010", LineKind.USAGE),
                Map.entry("assistant connection lost: closed; reconnecting (attempt 1 of 3)", LineKind.NOTE));
        lines.forEach((text, kind) -> assertEquals(kind, LineKind.of(new TranscriptLine(AT, Speaker.SYSTEM, false, text)),
                text));
        assertEquals(LineKind.SPEECH, LineKind.of(new TranscriptLine(AT, Speaker.CUSTOMER, false, "tool time")));
    }

    @Test
    void aCursorReadsBackAndOrdersNewestFirst() {
        PageCursor older = new PageCursor(AT, "CA0123456789abcdef0123456789abcdef");
        PageCursor sameMillisecond = new PageCursor(AT, "CAf123456789abcdef0123456789abcdef");
        PageCursor newer = new PageCursor(AT.plusMillis(1), "CA0123456789abcdef0123456789abcdef");
        assertEquals(Optional.of(older), PageCursor.decode(older.encode()));
        assertTrue(newer.isBefore(sameMillisecond) && sameMillisecond.isBefore(older));
        assertEquals(Optional.empty(), PageCursor.decode("%%%"));
        assertEquals(Optional.empty(), PageCursor.decode(""));
    }
}
