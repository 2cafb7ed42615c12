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

    /** API key as configured; read it through {@link #key()}. */
    Optional<String> apiKey();

    /**
     * The API key, if there is one: the one place that decides it. A blank value (an empty or whitespace line in
     * {@code .env}) counts as none, so calls go to the emulator rather than to OpenAI with a blank bearer.
     */
    default Optional<String> key() {
        return apiKey().map(String::strip).filter(key -> !key.isEmpty());
    }

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
