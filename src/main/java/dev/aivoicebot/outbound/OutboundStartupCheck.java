package dev.aivoicebot.outbound;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * An endpoint that dials phones must never go live open: in production (the prod profile) start-up fails while
 * {@code OUTBOUND_ENABLED=true} and {@code CALLS_API_KEY} is unset. There is no switch to run it open on purpose.
 * Elsewhere (dev mode) an open endpoint is warned about. The start-up log says whether outbound calls are on.
 */
@Singleton
class OutboundStartupCheck {

    private static final Logger LOG = Logger.getLogger(OutboundStartupCheck.class);

    void onStart(@Observes StartupEvent event, OutboundConfig config, Destinations destinations, CallPlacer placer) {
        problem(config.enabled(), LaunchMode.current() == LaunchMode.NORMAL, config.apiKey()).ifPresent(message -> {
            throw new ConfigurationException(message); // Quarkus prints the message alone and exits with 1
        });
        VoicemailAction.of(config.voicemailAction()); // a typo stops the start, even while off
        if (!config.enabled()) {
            return;
        }
        if (config.apiKey().filter(key -> !key.isBlank()).isEmpty()) {
            LOG.warn("POST /calls is open: anyone who can reach this server can place calls to OUTBOUND_ALLOWED."
                    + " Set CALLS_API_KEY to require a bearer token.");
        }
        if (!placer.available()) {
            LOG.warn("OUTBOUND_ENABLED=true but Twilio call control is off: POST /calls answers 503");
        } else if (!destinations.hasCallerId()) {
            LOG.warn("OUTBOUND_ENABLED=true but OUTBOUND_FROM is empty: POST /calls must name a from number, and "
                    + "none is allowed");
        } else {
            LOG.info("Outbound calls are on (POST /calls)");
        }
    }

    /** Why the service must not start with these settings, if it must not. */
    static Optional<String> problem(boolean enabled, boolean production, Optional<String> apiKey) {
        if (!enabled || !production || apiKey.filter(key -> !key.isBlank()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("POST /calls places phone calls and would be open to anyone: set CALLS_API_KEY to require"
                + " a bearer token, or OUTBOUND_ENABLED=false to switch outbound calls off.");
    }
}
