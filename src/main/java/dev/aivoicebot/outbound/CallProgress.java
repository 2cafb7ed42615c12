package dev.aivoicebot.outbound;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a placed call is, from Twilio's {@code CallStatus}. Callbacks may arrive out of order: a status never moves
 * back ({@code ringing} after {@code in-progress} is ignored), and a final one stays.
 */
public enum CallProgress {
    QUEUED, RINGING, IN_PROGRESS, COMPLETED, BUSY, NO_ANSWER, FAILED, CANCELED;

    /** Twilio's spelling ({@code in-progress}, {@code no-answer}); {@code initiated} counts as queued. */
    public static Optional<CallProgress> ofTwilio(String status) {
        if (status == null) {
            return Optional.empty();
        }
        if (status.equals("initiated")) {
            return Optional.of(QUEUED);
        }
        for (CallProgress progress : values()) {
            if (progress.twilioName().equals(status)) {
                return Optional.of(progress);
            }
        }
        return Optional.empty();
    }

    public String twilioName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isFinal() {
        return ordinal() >= COMPLETED.ordinal();
    }

    /** Whether a report of {@code next} moves the call on from this status. */
    boolean movesTo(CallProgress next) {
        return !isFinal() && next.ordinal() > ordinal();
    }
}
