package dev.aivoicebot.transcript;

import dev.aivoicebot.safety.CallSid;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The base name of a call's files in {@code LOG_DIR}: {@code <start, UTC>_<CallSid>}, e.g.
 * {@code 2026-11-24T10-15-30.123Z_CA0123…}; the transcript is {@code .txt}, its details sidecar {@code .json}.
 * Written and read here only, so a name is made and understood one way.
 */
public record CallFileName(Instant startedAt, CallSid callSid) {

    public static final String TRANSCRIPT = ".txt";
    public static final String DETAILS = ".json";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The name of {@code file} (a transcript or a sidecar); empty for any other file. */
    public static Optional<CallFileName> of(Path file) {
        String name = file.getFileName().toString();
        String base;
        if (name.endsWith(TRANSCRIPT)) {
            base = name.substring(0, name.length() - TRANSCRIPT.length());
        } else if (name.endsWith(DETAILS)) {
            base = name.substring(0, name.length() - DETAILS.length());
        } else {
            return Optional.empty();
        }
        int underscore = base.indexOf('_');
        if (underscore < 0 || !CallSid.isValid(base.substring(underscore + 1))) {
            return Optional.empty();
        }
        try {
            Instant startedAt = FILE_TIME.parse(base.substring(0, underscore), Instant::from);
            return Optional.of(new CallFileName(startedAt, new CallSid(base.substring(underscore + 1))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public String base() {
        return FILE_TIME.format(startedAt) + "_" + callSid;
    }

    public Path transcript(Path dir) {
        return dir.resolve(base() + TRANSCRIPT);
    }

    public Path details(Path dir) {
        return dir.resolve(base() + DETAILS);
    }
}
