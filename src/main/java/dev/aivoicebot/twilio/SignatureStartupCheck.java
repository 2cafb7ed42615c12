package dev.aivoicebot.twilio;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * In production, refuses to start without {@code TWILIO_AUTH_TOKEN}: without it anyone could place calls on
 * our OpenAI bill. Switching validation off explicitly is allowed, and warned about at every start.
 */
@ApplicationScoped
public class SignatureStartupCheck {

    private static final Logger LOG = Logger.getLogger(SignatureStartupCheck.class);

    private final TwilioConfig config;

    SignatureStartupCheck(TwilioConfig config) {
        this.config = config;
    }

    void check(@Observes StartupEvent event) {
        problem(LaunchMode.current(), config.authToken(), config.signatureValidation()).ifPresent(message -> {
            throw new IllegalStateException(message);
        });
        if (!config.signatureValidation()) {
            LOG.warn("*** TWILIO_SIGNATURE_VALIDATION=false: /voice and /voice/stream accept unsigned requests. "
                    + "Anyone who finds this service can place calls at your expense. ***");
        } else if (config.authToken().isEmpty()) {
            LOG.warn("TWILIO_AUTH_TOKEN is not set: Twilio signatures are not checked (allowed outside production)");
        }
    }

    /** The start-up failure message, if this combination must not run. */
    static Optional<String> problem(LaunchMode mode, Optional<String> authToken, boolean validation) {
        if (mode == LaunchMode.NORMAL && validation && authToken.isEmpty()) {
            return Optional.of("TWILIO_AUTH_TOKEN is not set. In production every Twilio request must be signed: "
                    + "set TWILIO_AUTH_TOKEN to your account's auth token (or, only if something else "
                    + "authenticates Twilio, set TWILIO_SIGNATURE_VALIDATION=false).");
        }
        return Optional.empty();
    }
}
