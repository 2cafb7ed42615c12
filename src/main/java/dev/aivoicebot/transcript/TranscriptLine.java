package dev.aivoicebot.transcript;

import dev.aivoicebot.safety.SafeText;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * One line of a transcript file: {@code <ISO-8601 UTC> <speaker>[ (interrupted)]: <text>}.
 *
 * <p>Every line is made safe here, whoever wrote it: the text goes through {@link SafeText#line}, so it is
 * folded onto one line (control characters become spaces) and no configured secret or key reaches the file or
 * a live view; {@link #text()} is the text exactly as the file has it. Every line stands alone, and a reader can
 * parse a file line by line even if the last line was torn by a crash.
 */
public record TranscriptLine(Instant at, Speaker speaker, boolean interrupted, String text) {

    public TranscriptLine {
        text = SafeText.line(text);
    }

    public String format() {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS)) + ' ' + speaker.tag() + (interrupted ? " (interrupted)" : "")
                + ": " + text + '\n';
    }
}
