package dev.aivoicebot.openai;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How we reach OpenAI. Env: OPENAI_API_KEY, OPENAI_REALTIME_URL, OPENAI_BASE_URL, OPENAI_REALTIME_MODEL,
 * OPENAI_TLS_CONFIGURATION_NAME.
 */
@ConfigMapping(prefix = "openai")
public interface OpenAiConfig {

    /** API key; when absent the service talks to the embedded Realtime emulator instead. */
    Optional<String> apiKey();

    /** Realtime GA WebSocket endpoint; the model is appended as {@code ?model=}. */
    @WithDefault("wss://api.openai.com/v1/realtime")
    String realtimeUrl();

    /** REST base URL (speech endpoint lives under it). */
    @WithDefault("https://api.openai.com/v1")
    String baseUrl();

    /** Realtime model for calls. */
    @WithDefault("gpt-realtime")
    String realtimeModel();

    /** How long to wait for the Realtime socket to open and the session to be configured. */
    @WithDefault("10s")
    Duration connectTimeout();

    /**
     * Name of a Quarkus TLS configuration ({@code quarkus.tls.<name>.*}) for the {@code wss://} Realtime
     * connection, e.g. to trust a corporate proxy's CA; unset = the JVM's default trust store.
     */
    Optional<String> tlsConfigurationName();
}
