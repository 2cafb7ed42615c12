package dev.aivoicebot.outbound;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.Locale;

/** What a placed call does when a machine answers ({@code OUTBOUND_VOICEMAIL_ACTION}). */
public enum VoicemailAction {
    /** Leave {@code OUTBOUND_VOICEMAIL_MESSAGE} after the beep, then hang up. */
    MESSAGE,
    /** Hang up at once. */
    HANGUP;

    public static VoicemailAction of(String value) {
        for (VoicemailAction action : values()) {
            if (action.name().toLowerCase(Locale.ROOT).equals(value.strip().toLowerCase(Locale.ROOT))) {
                return action;
            }
        }
        throw new ConfigurationException("OUTBOUND_VOICEMAIL_ACTION must be message or hangup (was '" + value + "')");
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
