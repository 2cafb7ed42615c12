package dev.aivoicebot;

import io.smallrye.config.FallbackConfigSourceInterceptor;
import java.util.Map;

/**
 * The short environment names the service is configured by ({@code PUBLIC_BASE_URL}, {@code LOG_DIR}, …), each
 * the other name of one mapped property: looking up {@code transcript.dir} also finds {@code LOG_DIR} in the
 * environment, {@code .env} or {@code config/application.properties}, and the value from the source of higher
 * ordinal wins, as for any property. Defaults live only in the mappings' {@code @WithDefault}; the few Quarkus
 * properties we give other defaults (PORT, MANAGEMENT_PORT, …) stay in application.properties.
 * Registered through {@code META-INF/services/io.smallrye.config.ConfigSourceInterceptor}.
 */
public final class EnvironmentNames extends FallbackConfigSourceInterceptor {

    /** Property → environment name; docs/configuration.md and .env list the same names (ConfigNamesTest). */
    public static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("twilio.public-base-url", "PUBLIC_BASE_URL"),
            Map.entry("twilio.account-sid", "TWILIO_ACCOUNT_SID"),
            Map.entry("twilio.auth-token", "TWILIO_AUTH_TOKEN"),
            Map.entry("twilio.api-key", "TWILIO_API_KEY"),
            Map.entry("twilio.api-secret", "TWILIO_API_SECRET"),
            Map.entry("twilio.api-base-url", "TWILIO_API_BASE_URL"),
            Map.entry("transfer.targets", "TRANSFER_TARGETS"),
            Map.entry("transfer.dial-timeout", "TRANSFER_DIAL_TIMEOUT"),
            Map.entry("twilio.signature-validation", "TWILIO_SIGNATURE_VALIDATION"),
            Map.entry("twilio.stream-token-secret", "STREAM_TOKEN_SECRET"),
            Map.entry("twilio.stream-token-ttl", "STREAM_TOKEN_TTL"),
            Map.entry("twilio.start-timeout", "STREAM_START_TIMEOUT"),
            Map.entry("twilio.idle-timeout", "STREAM_IDLE_TIMEOUT"),
            Map.entry("twilio.max-messages-per-second", "STREAM_MAX_MESSAGES_PER_SECOND"),
            Map.entry("openai.api-key", "OPENAI_API_KEY"),
            Map.entry("openai.realtime-url", "OPENAI_REALTIME_URL"),
            Map.entry("openai.base-url", "OPENAI_BASE_URL"),
            Map.entry("openai.realtime-model", "OPENAI_REALTIME_MODEL"),
            Map.entry("openai.tls-configuration-name", "OPENAI_TLS_CONFIGURATION_NAME"),
            Map.entry("assistant.voice", "ASSISTANT_VOICE"),
            Map.entry("assistant.instructions", "ASSISTANT_INSTRUCTIONS"),
            Map.entry("assistant.greeting", "ASSISTANT_GREETING"),
            Map.entry("assistant.silence-timeout-ms", "SILENCE_TIMEOUT_MS"),
            Map.entry("assistant.tool-choice", "TOOL_CHOICE"),
            Map.entry("assistant.dtmf-to-assistant", "DTMF_TO_ASSISTANT"),
            Map.entry("assistant.tool-filler", "TOOL_FILLER"),
            Map.entry("assistant.tool-filler-after", "TOOL_FILLER_AFTER"),
            Map.entry("transcript.dir", "LOG_DIR"),
            Map.entry("transcript.tool-details", "TRANSCRIPT_TOOL_DETAILS"),
            Map.entry("transcript.mask-cards", "TRANSCRIPT_MASK_CARDS"),
            Map.entry("transcript.mask-pattern", "TRANSCRIPT_MASK_PATTERN"),
            Map.entry("retention.period", "TRANSCRIPT_RETENTION"),
            Map.entry("call-events.url", "CALL_EVENTS_URL"),
            Map.entry("call-events.signing-secret", "CALL_EVENTS_SIGNING_SECRET"),
            Map.entry("call-events.max-attempts", "CALL_EVENTS_MAX_ATTEMPTS"),
            Map.entry("call-events.max-age", "CALL_EVENTS_MAX_AGE"),
            Map.entry("call-events.retry-delay", "CALL_EVENTS_RETRY_DELAY"),
            Map.entry("call-events.timeout", "CALL_EVENTS_TIMEOUT"),
            Map.entry("emulator.enabled", "EMULATOR_ENABLED"),
            Map.entry("emulator.delta-interval", "EMULATOR_DELTA_INTERVAL"),
            Map.entry("emulator.vad-threshold", "EMULATOR_VAD_THRESHOLD"),
            Map.entry("emulator.tool-calls", "EMULATOR_TOOL_CALLS"),
            Map.entry("softphone.enabled", "SOFTPHONE_ENABLED"),
            Map.entry("softphone.ticket-ttl", "SOFTPHONE_TICKET_TTL"),
            Map.entry("speech.enabled", "GENERATE_VOICE_ENABLED"),
            Map.entry("speech.tts-model", "OPENAI_TTS_MODEL"),
            Map.entry("speech.default-voice", "GENERATE_VOICE_DEFAULT_VOICE"),
            Map.entry("speech.api-key", "GENERATE_VOICE_API_KEY"),
            Map.entry("speech.require-api-key", "GENERATE_VOICE_REQUIRE_API_KEY"),
            Map.entry("speech.rate-limit.enabled", "GENERATE_VOICE_RATE_LIMIT_ENABLED"),
            Map.entry("speech.rate-limit.requests", "GENERATE_VOICE_RATE_LIMIT_REQUESTS"),
            Map.entry("speech.rate-limit.period", "GENERATE_VOICE_RATE_LIMIT_PERIOD"),
            Map.entry("speech.rate-limit.auth-failures", "GENERATE_VOICE_RATE_LIMIT_AUTH_FAILURES"),
            Map.entry("speech.upstream.connect-timeout", "OPENAI_TTS_CONNECT_TIMEOUT"),
            Map.entry("speech.upstream.read-timeout", "OPENAI_TTS_READ_TIMEOUT"),
            Map.entry("calls.max-concurrent", "MAX_CONCURRENT_CALLS"),
            Map.entry("calls.max-duration", "MAX_CALL_DURATION"),
            Map.entry("calls.drain-timeout", "DRAIN_TIMEOUT"),
            Map.entry("calls.max-cost-usd", "MAX_CALL_COST_USD"),
            Map.entry("prices.text-input", "PRICE_TEXT_INPUT"),
            Map.entry("prices.text-cached-input", "PRICE_TEXT_CACHED_INPUT"),
            Map.entry("prices.text-output", "PRICE_TEXT_OUTPUT"),
            Map.entry("prices.audio-input", "PRICE_AUDIO_INPUT"),
            Map.entry("prices.audio-cached-input", "PRICE_AUDIO_CACHED_INPUT"),
            Map.entry("prices.audio-output", "PRICE_AUDIO_OUTPUT"),
            Map.entry("summary.enabled", "CALL_SUMMARY"),
            Map.entry("summary.timeout", "SUMMARY_TIMEOUT"),
            Map.entry("summary.outcome-schema", "CALL_OUTCOME_SCHEMA"),
            Map.entry("tools.file", "TOOLS_FILE"),
            Map.entry("tools.signing-secret", "TOOLS_SIGNING_SECRET"),
            Map.entry("tools.timeout", "TOOL_TIMEOUT"),
            Map.entry("tools.time-zone", "ASSISTANT_TIME_ZONE"),
            Map.entry("recording.mode", "RECORDING"),
            Map.entry("recording.notice", "RECORDING_NOTICE"),
            Map.entry("recording.pause-key", "RECORDING_PAUSE_KEY"),
            Map.entry("outbound.enabled", "OUTBOUND_ENABLED"),
            Map.entry("outbound.api-key", "CALLS_API_KEY"),
            Map.entry("outbound.allowed", "OUTBOUND_ALLOWED"),
            Map.entry("outbound.from", "OUTBOUND_FROM"),
            Map.entry("outbound.greeting", "OUTBOUND_GREETING"),
            Map.entry("outbound.amd-wait", "OUTBOUND_AMD_WAIT"),
            Map.entry("outbound.voicemail-action", "OUTBOUND_VOICEMAIL_ACTION"),
            Map.entry("outbound.voicemail-message", "OUTBOUND_VOICEMAIL_MESSAGE"),
            Map.entry("outbound.rate-limit-requests", "OUTBOUND_RATE_LIMIT_REQUESTS"),
            Map.entry("outbound.rate-limit-period", "OUTBOUND_RATE_LIMIT_PERIOD"),
            Map.entry("profiles.file", "PROFILES_FILE"),
            Map.entry("admin.api-key", "ADMIN_API_KEY"),
            Map.entry("admin.require-api-key", "ADMIN_REQUIRE_API_KEY"),
            Map.entry("quarkus.datasource.jdbc.url", "DB_URL"),
            Map.entry("quarkus.datasource.username", "DB_USER"),
            Map.entry("quarkus.datasource.password", "DB_PASSWORD"),
            Map.entry("store.sync-interval", "DB_SYNC_INTERVAL"),
            Map.entry("store.sync-max-backoff", "DB_SYNC_MAX_BACKOFF"));

    public EnvironmentNames() {
        super(name -> NAMES.getOrDefault(name, name));
    }
}
