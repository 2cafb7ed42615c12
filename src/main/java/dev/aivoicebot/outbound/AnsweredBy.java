package dev.aivoicebot.outbound;

import java.util.Locale;
import java.util.Optional;

/** Twilio's answering-machine detection result ({@code AnsweredBy}). */
public enum AnsweredBy {
    HUMAN, UNKNOWN, MACHINE_START, MACHINE_END_BEEP, MACHINE_END_SILENCE, MACHINE_END_OTHER, FAX;

    public static Optional<AnsweredBy> ofTwilio(String value) {
        for (AnsweredBy answered : values()) {
            if (answered.twilioName().equals(value)) {
                return Optional.of(answered);
            }
        }
        return Optional.empty();
    }

    /** Twilio's spelling, e.g. {@code machine_end_beep}. */
    public String twilioName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A person may be on the line: greet. {@code unknown} counts, since hanging up on a person is the worse mistake. */
    public boolean greets() {
        return this == HUMAN || this == UNKNOWN;
    }
}
