package dev.aivoicebot.twilio;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Validates {@code X-Twilio-Signature} when {@code TWILIO_AUTH_TOKEN} is configured (and validation is not
 * switched off); accepts all otherwise, which production start-up does not allow by accident.
 */
@ApplicationScoped
public class WebhookSignatureCheck {

    private final TwilioSignature signature;

    WebhookSignatureCheck(TwilioConfig config) {
        this.signature = config.signatureValidation() ? config.authToken().map(TwilioSignature::new).orElse(null)
                : null;
    }

    public boolean enabled() {
        return signature != null;
    }

    public boolean accepts(String url, Map<String, List<String>> params, String given) {
        return signature == null || signature.isValid(url, params, given);
    }
}
