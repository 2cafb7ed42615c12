package dev.aivoicebot.outbound;

import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which numbers may be called, and from which of ours. A destination must be E.164 and match one of
 * {@code OUTBOUND_ALLOWED}: a whole number, or a prefix ending in {@code *}; nothing is allowed while the list is
 * empty. A caller ID must be one of {@code OUTBOUND_FROM} (the first is the default). Checked once at start: a bad
 * entry stops the start with one line naming it.
 */
@Singleton
class Destinations {

    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern ENTRY = Pattern.compile("\\+[1-9][0-9]{0,14}\\*|\\+[1-9][0-9]{6,14}");

    private final List<String> allowed;
    private final List<String> from;

    @Inject
    Destinations(OutboundConfig config) {
        this(config.allowed(), config.from());
    }

    Destinations(Optional<List<String>> allowed, Optional<List<String>> from) {
        this.allowed = entries(allowed);
        this.from = entries(from);
        for (String entry : this.allowed) {
            if (!ENTRY.matcher(entry).matches()) {
                throw new ConfigurationException("OUTBOUND_ALLOWED entry '" + entry + "' is invalid: an E.164 number "
                        + "(+15550100) or a prefix ending in * (+1555*)");
            }
        }
        for (String number : this.from) {
            if (!E164.matcher(number).matches()) {
                throw new ConfigurationException("OUTBOUND_FROM entry '" + number + "' is invalid: an E.164 number "
                        + "of the Twilio account (+15550100)");
            }
        }
    }

    private static List<String> entries(Optional<List<String>> value) {
        return value.orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether {@code number} (already E.164) matches the allow-list. */
    boolean allows(String number) {
        for (String entry : allowed) {
            boolean prefix = entry.endsWith("*");
            if (prefix ? number.startsWith(entry.substring(0, entry.length() - 1)) : number.equals(entry)) {
                return true;
            }
        }
        return false;
    }

    /** The caller ID for a request that named {@code requested} (null: the default); empty when not one of ours. */
    Optional<String> callerId(String requested) {
        if (requested == null) {
            return from.stream().findFirst();
        }
        return from.contains(requested) ? Optional.of(requested) : Optional.empty();
    }

    boolean hasCallerId() {
        return !from.isEmpty();
    }
}
