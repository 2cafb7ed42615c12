package dev.aivoicebot.transcript;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * One line of a transcript file: {@code <ISO-8601 UTC> <speaker>[ (interrupted)]: <text>}.
 *
 * <p>Text is folded onto one line (control characters become spaces), so every line stands alone and a
 * reader can parse a file line by line even if the last line was torn by a crash.
 */
public record TranscriptLine(Instant at, Speaker speaker, boolean interrupted, String text) {

    public String format() {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS)) + ' ' + speaker.tag() + (interrupted ? " (interrupted)" : "")
                + ": " + fileText() + '\n';
    }

    /** The text as the file has it: one line, no control characters, trimmed. Live views show this too. */
    public String fileText() {
        return oneLine(text);
    }

    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return out.toString().strip();
    }
}
