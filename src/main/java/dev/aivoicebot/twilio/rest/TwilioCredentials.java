package dev.aivoicebot.twilio.rest;

import dev.aivoicebot.twilio.TwilioConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Who we are to Twilio's REST API: the account SID in every path, and HTTP basic auth with an API key and its secret
 * when both are set (a key can be revoked on its own), else with the account SID and auth token.
 */
record TwilioCredentials(String accountSid, String username, String password, boolean apiKey) {

    static Optional<TwilioCredentials> of(TwilioConfig config) {
        return of(config.accountSid(), config.authToken(), config.apiKey(), config.apiSecret());
    }

    static Optional<TwilioCredentials> of(Optional<String> accountSid, Optional<String> authToken,
            Optional<String> apiKey, Optional<String> apiSecret) {
        Optional<String> account = set(accountSid);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        if (set(apiKey).isPresent() && set(apiSecret).isPresent()) {
            return Optional.of(new TwilioCredentials(account.get(), apiKey.get(), apiSecret.get(), true));
        }
        return set(authToken).map(token -> new TwilioCredentials(account.get(), account.get(), token, false));
    }

    /** Why {@link #of} found no credentials, for the start-up log. */
    static String missing(Optional<String> accountSid) {
        return set(accountSid).isEmpty() ? "TWILIO_ACCOUNT_SID is not set"
                : "neither TWILIO_API_KEY with TWILIO_API_SECRET nor TWILIO_AUTH_TOKEN is set";
    }

    /** The {@code Authorization} header value. */
    String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Names the credential, never its secret. */
    @Override
    public String toString() {
        return apiKey ? "an API key" : "the auth token";
    }

    private static Optional<String> set(Optional<String> value) {
        return value.filter(v -> !v.isBlank());
    }
}
