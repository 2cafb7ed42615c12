package dev.aivoicebot.twilio;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Twilio account and the public address Twilio reaches us on.
 * Env: PUBLIC_BASE_URL, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_API_KEY, TWILIO_API_SECRET.
 */
@ConfigMapping(prefix = "twilio")
public interface TwilioConfig {

    /** Public https origin of this service, no trailing slash; TwiML and signatures are built from it. */
    String publicBaseUrl();

    /** Account SID (AC…), used for REST call control. */
    Optional<String> accountSid();

    /** Auth token; when set, every webhook must carry a valid X-Twilio-Signature. */
    Optional<String> authToken();

    /** API key SID (SK…), an alternative credential for REST call control. */
    Optional<String> apiKey();

    /** API key secret. */
    Optional<String> apiSecret();
}
