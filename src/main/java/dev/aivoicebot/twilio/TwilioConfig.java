package dev.aivoicebot.twilio;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Twilio account and the public address Twilio reaches us on.
 * Env: PUBLIC_BASE_URL, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_API_KEY, TWILIO_API_SECRET, TWILIO_API_BASE_URL.
 */
@ConfigMapping(prefix = "twilio")
public interface TwilioConfig {

    /** Public https origin of this service, no trailing slash; TwiML and signatures are built from it. */
    @WithDefault("http://localhost:${quarkus.http.port}")
    String publicBaseUrl();

    /** Account SID (AC…): REST call control is off without it. */
    Optional<String> accountSid();

    /**
     * Auth token; when set, every webhook must carry a valid X-Twilio-Signature. Also the REST credential unless an
     * API key and its secret are set.
     */
    Optional<String> authToken();

    /** API key SID (SK…): with its secret, the REST credential in place of the auth token. */
    Optional<String> apiKey();

    /** API key secret. */
    Optional<String> apiSecret();

    /** Origin of Twilio's REST API, no trailing slash (tests point it at a fake). */
    @WithDefault("https://api.twilio.com")
    String apiBaseUrl();

    /** How long a REST request to Twilio may take, to connect and to answer, before it counts as failed. */
    @WithDefault("5s")
    Duration apiTimeout();

    /**
     * Check X-Twilio-Signature on the webhook and the stream upgrade whenever an auth token is set. Turning it
     * off is for local experiments only; production refuses to start without a token unless this is false.
     */
    @WithDefault("true")
    boolean signatureValidation();

    /** Secret (≥ 16 bytes) for per-call stream tokens; share it across replicas. Random per process if unset. */
    Optional<String> streamTokenSecret();

    /** How long a stream token minted by the webhook stays valid; Twilio opens the stream within seconds. */
    @WithDefault("60s")
    Duration streamTokenTtl();

    /** A stream that sends no {@code start} within this time is closed. */
    @WithDefault("10s")
    Duration startTimeout();

    /** A started stream that sends nothing for this long is closed (Twilio sends audio every 20 ms). */
    @WithDefault("15s")
    Duration idleTimeout();

    /** Messages per second one stream may send (Twilio sends ~50 media + a few marks); more closes it. */
    @WithDefault("250")
    int maxMessagesPerSecond();
}
