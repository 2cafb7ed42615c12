package dev.aivoicebot.archive;

import dev.aivoicebot.transcript.NumberedLine;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * One transcript line as the API shows it.
 *
 * @param seq the line's number in its file (see {@link NumberedLine}): the same whoever reads it
 * @param speaker {@code customer}, {@code assistant} or {@code system}
 * @param kind what the line records ({@link LineKind#tag()})
 */
@RegisterForReflection
public record CallLine(int seq, Instant at, String speaker, boolean interrupted, String text, String kind) {

    public static CallLine of(NumberedLine numbered) {
        var line = numbered.line();
        return new CallLine(numbered.seq(), line.at(), line.speaker().tag(), line.interrupted(), line.text(),
                LineKind.of(line).tag());
    }
}
