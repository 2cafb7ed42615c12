package dev.aivoicebot.speech;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Every knob of {@code POST /generate-voice}. The environment names are wired in the
 * {@code # --- speech ---} block of application.properties.
 */
@ConfigMapping(prefix = "speech")
public interface SpeechConfig {

    /** Serve the endpoint at all; when false it answers 404 (GENERATE_VOICE_ENABLED). */
    @WithDefault("true")
    boolean enabled();

    /** OpenAI TTS model: gpt-4o-mini-tts, tts-1 or tts-1-hd (OPENAI_TTS_MODEL). */
    @WithDefault("gpt-4o-mini-tts")
    String ttsModel();

    /** Voice used when a request names none; coral works with every TTS model (GENERATE_VOICE_DEFAULT_VOICE). */
    @WithDefault("coral")
    SpeechVoice defaultVoice();

    /** Bearer token callers must present; absent means the endpoint is open (GENERATE_VOICE_API_KEY). */
    Optional<String> apiKey();

    /** Refuse to start while enabled without an api-key; true in the prod profile (GENERATE_VOICE_REQUIRE_API_KEY). */
    @WithDefault("false")
    boolean requireApiKey();

    /** Per-client budgets of requests and of failed authentications. */
    RateLimit rateLimit();

    /** How we wait on OpenAI. */
    Upstream upstream();

    interface RateLimit {

        /** Apply the budget at all (GENERATE_VOICE_RATE_LIMIT_ENABLED). */
        @WithDefault("true")
        boolean enabled();

        /** Requests a client may make per period, and also its largest burst (GENERATE_VOICE_RATE_LIMIT_REQUESTS). */
        @WithDefault("10")
        int requests();

        /** The period the budget refills over (GENERATE_VOICE_RATE_LIMIT_PERIOD). */
        @WithDefault("1m")
        Duration period();

        /**
         * Missing or wrong API keys a client may present per period, and also its largest burst; past them it gets
         * 429 until the budget refills, whatever key it sends (GENERATE_VOICE_RATE_LIMIT_AUTH_FAILURES).
         */
        @WithDefault("10")
        int authFailures();
    }

    interface Upstream {

        /** Time allowed to open the connection to OpenAI (OPENAI_TTS_CONNECT_TIMEOUT). */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Longest silence from OpenAI, before the first byte or between chunks (OPENAI_TTS_READ_TIMEOUT). */
        @WithDefault("30s")
        Duration readTimeout();
    }
}
