package dev.aivoicebot.transcript;

import dev.aivoicebot.safety.SafeText;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One line of a transcript file: {@code <ISO-8601 UTC> <speaker>[ (interrupted)]: <text>}.
 *
 * <p>Every line is made safe here, whoever wrote it: the text goes through {@link SafeText#line}, so it is
 * folded onto one line (control characters become spaces) and no configured secret or key reaches the file or
 * a live view; {@link #text()} is the text exactly as the file has it. Every line stands alone, and a reader can
 * parse a file line by line even if the last line was torn by a crash: {@link #parse} is the inverse of
 * {@link #format}.
 */
public record TranscriptLine(Instant at, Speaker speaker, boolean interrupted, String text) {

    private static final String INTERRUPTED = " (interrupted)";

    public TranscriptLine {
        text = SafeText.line(text);
    }

    public String format() {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS)) + ' ' + speaker.tag() + (interrupted ? INTERRUPTED : "")
                + ": " + text + '\n';
    }

    /**
     * The line {@link #format} wrote, with or without its newline; empty for anything else (a line torn by a crash,
     * a garbled or foreign one), never an exception: a reader skips what it cannot read.
     */
    public static Optional<TranscriptLine> parse(String line) {
        if (line == null) {
            return Optional.empty();
        }
        String rest = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        int space = rest.indexOf(' ');
        int colon = rest.indexOf(": ", space + 1);
        if (space < 0 || colon < 0) {
            return Optional.empty();
        }
        String who = rest.substring(space + 1, colon);
        boolean interrupted = who.endsWith(INTERRUPTED);
        if (interrupted) {
            who = who.substring(0, who.length() - INTERRUPTED.length());
        }
        Optional<Speaker> speaker = Speaker.fromTag(who);
        if (speaker.isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant at = Instant.parse(rest.substring(0, space));
            return Optional.of(new TranscriptLine(at, speaker.get(), interrupted, rest.substring(colon + 2)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
