package dev.aivoicebot.speech;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps a money-spending endpoint from going live open by accident: where {@code speech.require-api-key}
 * is true (the prod profile), start-up fails unless GENERATE_VOICE_API_KEY is set or the endpoint is
 * switched off (GENERATE_VOICE_ENABLED=false) or deliberately opened (GENERATE_VOICE_REQUIRE_API_KEY=false).
 */
@Singleton
class SpeechStartupCheck {

    private static final Logger LOG = Logger.getLogger(SpeechStartupCheck.class);

    void onStart(@Observes StartupEvent event, SpeechConfig config) {
        problem(config.enabled(), config.requireApiKey(), config.apiKey()).ifPresent(message -> {
            throw new ConfigurationException(message); // Quarkus prints the message alone and exits with 1
        });
        if (config.enabled() && config.apiKey().isEmpty()) {
            LOG.warn("POST /generate-voice is open: anyone who can reach this server can spend OpenAI credit."
                    + " Set GENERATE_VOICE_API_KEY to require a bearer token.");
        }
    }

    /** Why the service must not start with these settings, if it must not. */
    static Optional<String> problem(boolean enabled, boolean requireApiKey, Optional<String> apiKey) {
        if (!enabled || !requireApiKey || apiKey.filter(key -> !key.isBlank()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("POST /generate-voice spends OpenAI credit and would be open to anyone:"
                + " set GENERATE_VOICE_API_KEY to require a bearer token,"
                + " or GENERATE_VOICE_ENABLED=false to switch the endpoint off,"
                + " or GENERATE_VOICE_REQUIRE_API_KEY=false to run it open on purpose.");
    }
}
