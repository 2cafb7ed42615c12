package dev.aivoicebot.softphone;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The browser softphone at {@code /phone}. Env: SOFTPHONE_ENABLED, SOFTPHONE_TICKET_TTL. */
@ConfigMapping(prefix = "softphone")
public interface SoftphoneConfig {

    /**
     * Serve the page, its demo-call and live-transcript endpoints, and accept its stream tickets. Unset means
     * auto: on in dev mode or when the built-in emulator answers calls, off otherwise. With a real OpenAI key
     * in production anyone who reaches the page can talk to the assistant on your account.
     */
    Optional<Boolean> enabled();

    /** How long the stream ticket of a demo call stays valid; the page opens the stream at once. */
    @WithDefault("30s")
    Duration ticketTtl();
}
