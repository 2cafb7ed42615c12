package dev.aivoicebot.twilio;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import dev.aivoicebot.safety.SafeText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * In production, refuses to start without {@code TWILIO_AUTH_TOKEN}: without it anyone could place calls on
 * our OpenAI bill. Switching validation off explicitly is allowed, and warned about at every start, as are the
 * other settings that work on one machine and fail in production: no {@code STREAM_TOKEN_SECRET} (random per
 * process) and a {@code PUBLIC_BASE_URL} that is not {@code https://} (Twilio will not open a {@code ws://}
 * stream). A refusal is a {@link ConfigurationException}: Quarkus prints its message alone, no stack trace, and
 * exits with code 1.
 */
@ApplicationScoped
public class SignatureStartupCheck {

    private static final Logger LOG = Logger.getLogger(SignatureStartupCheck.class);

    private final TwilioConfig config;

    SignatureStartupCheck(TwilioConfig config) {
        this.config = config;
    }

    void check(@Observes StartupEvent event) {
        problem(LaunchMode.current(), config.authToken(), config.signatureValidation())
                .or(() -> secretProblem(config.streamTokenSecret())).ifPresent(message -> {
                    throw new ConfigurationException(message);
                });
        if (!config.signatureValidation()) {
            LOG.warn("*** TWILIO_SIGNATURE_VALIDATION=false: /voice and /voice/stream accept unsigned requests. "
                    + "Anyone who finds this service can place calls at your expense. ***");
        } else if (config.authToken().isEmpty()) {
            LOG.warn("TWILIO_AUTH_TOKEN is not set: Twilio signatures are not checked (allowed outside production)");
        }
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            productionWarnings(config.streamTokenSecret(), config.publicBaseUrl()).forEach(LOG::warn);
        }
    }

    /** A stream token secret too short to be one. */
    static Optional<String> secretProblem(Optional<String> streamTokenSecret) {
        return streamTokenSecret.filter(secret -> secret.getBytes(StandardCharsets.UTF_8).length < 16)
                .map(secret -> "STREAM_TOKEN_SECRET must be at least 16 characters (it signs every stream token; "
                        + "use the same random value on every replica).");
    }

    /** What works on one machine but not in production, said at start rather than at the first call. */
    static List<String> productionWarnings(Optional<String> streamTokenSecret, String publicBaseUrl) {
        List<String> warnings = new ArrayList<>();
        if (streamTokenSecret.isEmpty()) {
            warnings.add("STREAM_TOKEN_SECRET is not set: stream tokens use a random per-process secret, so a "
                    + "stream must reach the replica that answered its webhook. Set it when running several replicas.");
        }
        if (!publicBaseUrl.startsWith("https://")) {
            warnings.add("PUBLIC_BASE_URL is not https:// (" + SafeText.of(publicBaseUrl) + "): Twilio only opens "
                    + "wss:// media streams and signs the https:// URL it calls, so real calls will fail.");
        }
        return warnings;
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
