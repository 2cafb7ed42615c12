package dev.aivoicebot.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The calls API ({@code /api/*}) and the console ({@code /console}). Env: ADMIN_API_KEY, ADMIN_REQUIRE_API_KEY. */
@ConfigMapping(prefix = "admin")
public interface AdminConfig {

    /** Bearer key for {@code /api/*} (and so the console's data). Unset: open, which only dev and test allow. */
    Optional<String> apiKey();

    /**
     * Refuse to start without {@link #apiKey()}: the API shows every caller's number and words. True in the prod
     * profile (application.properties).
     */
    @WithDefault("false")
    boolean requireApiKey();
}
