package dev.aivoicebot.transcript;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where conversations are written, and what of them; the environment names are in EnvironmentNames. */
@ConfigMapping(prefix = "transcript")
public interface TranscriptConfig {

    /** Directory for one transcript file per call; created if missing. */
    @WithDefault("logs")
    String dir();

    /**
     * Write each tool call's arguments and output into the transcript, not only its name, outcome and time.
     * They can hold the caller's personal data; they never go into logs or metrics.
     */
    @WithDefault("false")
    boolean toolDetails();

    /**
     * Mask card numbers (13 to 19 digits passing the Luhn check) in every line before it is written: the file, the
     * live views and everything fed from the files never hold one.
     */
    @WithDefault("true")
    boolean maskCards();

    /**
     * One more regular expression (join several with {@code |}) whose matches become {@code [redacted]} before a line
     * is written. A single string, not a list: a list's value would lose the backslashes a pattern needs.
     */
    Optional<String> maskPattern();
}
