package dev.aivoicebot.call;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The named transfer destinations (TRANSFER_TARGETS), checked at start-up: a bad entry stops the start with one
 * line naming it. The {@code transfer_call} tool is offered only when there are targets and call control is on,
 * since a transfer is an update of the call through the carrier.
 */
@ApplicationScoped
public class TransferTargets {

    private static final Logger LOG = Logger.getLogger(TransferTargets.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SIP = Pattern.compile("sip:[A-Za-z0-9._~!$&'()*+=-]+@[A-Za-z0-9.-]+(:[0-9]{1,5})?"
            + "(;transport=(udp|tcp|tls))?");

    private final Map<String, String> byName;
    private final boolean offered;
    private final Duration dialTimeout;

    TransferTargets(TransferConfig config, CallControl control) {
        this.byName = parse(config.targets().orElse(""));
        this.offered = !byName.isEmpty() && control.available();
        this.dialTimeout = config.dialTimeout();
        if (dialTimeout.toSeconds() < 5 || dialTimeout.toSeconds() > 600) {
            throw new ConfigurationException("TRANSFER_DIAL_TIMEOUT must be between 5s and 600s (was "
                    + dialTimeout + ")");
        }
    }

    void announce(@Observes StartupEvent event) {
        if (offered) {
            LOG.infof("Transfers are on: transfer_call offers %s", String.join(", ", byName.keySet()));
        } else if (!byName.isEmpty()) {
            LOG.warn("TRANSFER_TARGETS is set but Twilio call control is off: transfer_call is not offered");
        }
    }

    /**
     * Reads {@code name=address,…}; an address is an E.164 number or a sip: URI. Throws a one-line
     * {@link ConfigurationException} naming the first bad entry.
     */
    static Map<String, String> parse(String value) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (String entry : value.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            String name = equals < 0 ? trimmed : trimmed.substring(0, equals).strip();
            String address = equals < 0 ? "" : trimmed.substring(equals + 1).strip();
            if (!NAME.matcher(name).matches()) {
                throw bad(trimmed, "the name must be a letter then up to 31 letters, digits, _ or -");
            }
            if (!E164.matcher(address).matches() && !SIP.matcher(address).matches()) {
                throw bad(trimmed, "the address must be an E.164 number (+15550100) or a sip: URI (sip:desk@pbx.example.com)");
            }
            if (targets.put(name, address) != null) {
                throw bad(trimmed, "the name " + name + " is given twice");
            }
        }
        return Collections.unmodifiableMap(targets);
    }

    private static ConfigurationException bad(String entry, String why) {
        return new ConfigurationException("TRANSFER_TARGETS entry '" + entry + "' is invalid: " + why);
    }

    /** Whether the model is offered {@code transfer_call}. */
    public boolean offered() {
        return offered;
    }

    public Set<String> names() {
        return byName.keySet();
    }

    /** The address configured for a name; empty for a name that is not configured. */
    public Optional<String> address(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    public Duration dialTimeout() {
        return dialTimeout;
    }
}
