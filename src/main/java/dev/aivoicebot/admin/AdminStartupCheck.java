package dev.aivoicebot.admin;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps the calls API from going live open by accident: where {@code admin.require-api-key} is true (the prod
 * profile), start-up fails without ADMIN_API_KEY; elsewhere an open API is logged loudly at start.
 */
@Singleton
class AdminStartupCheck {

    private static final Logger LOG = Logger.getLogger(AdminStartupCheck.class);

    void onStart(@Observes StartupEvent event, AdminConfig config) {
        problem(config.requireApiKey(), config.apiKey()).ifPresent(message -> {
            throw new ConfigurationException(message); // Quarkus prints the message alone and exits with 1
        });
        if (config.apiKey().filter(key -> !key.isBlank()).isEmpty()) {
            LOG.warn("GET /api/calls and the console at /console are OPEN: anyone who can reach this server can read"
                    + " every call's numbers and transcript. Set ADMIN_API_KEY to require a bearer token.");
        }
    }

    /** Why the service must not start with these settings, if it must not. */
    static Optional<String> problem(boolean requireApiKey, Optional<String> apiKey) {
        if (!requireApiKey || apiKey.filter(key -> !key.isBlank()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("The calls API (/api/calls) and console (/console) show every caller's number and words"
                + " and would be open to anyone: set ADMIN_API_KEY to require a bearer token,"
                + " or ADMIN_REQUIRE_API_KEY=false to run them open on purpose.");
    }
}
