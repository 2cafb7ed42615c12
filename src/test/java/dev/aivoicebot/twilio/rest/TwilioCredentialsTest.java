package dev.aivoicebot.twilio.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TwilioCredentialsTest {

    private static final Optional<String> ACCOUNT = Optional.of("AC" + "1".repeat(32));
    private static final Optional<String> TOKEN = Optional.of("auth-token-value");
    private static final Optional<String> KEY = Optional.of("SK" + "2".repeat(32));
    private static final Optional<String> SECRET = Optional.of("api-secret-value");

    @Test
    void anApiKeyWithItsSecretIsPreferredToTheAuthToken() {
        TwilioCredentials credentials = TwilioCredentials.of(ACCOUNT, TOKEN, KEY, SECRET).orElseThrow();
        assertEquals(ACCOUNT.get(), credentials.accountSid(), "the account stays in the path");
        assertEquals(basic(KEY.get() + ":" + SECRET.get()), credentials.authorization());
        assertEquals("an API key", credentials.toString());
    }

    @Test
    void withoutAnApiKeyAndItsSecretTheAccountSidAndAuthTokenAreUsed() {
        String expected = basic(ACCOUNT.get() + ":" + TOKEN.get());
        assertEquals(expected, TwilioCredentials.of(ACCOUNT, TOKEN, Optional.empty(), Optional.empty()).orElseThrow()
                .authorization());
        assertEquals(expected, TwilioCredentials.of(ACCOUNT, TOKEN, KEY, Optional.empty()).orElseThrow().authorization(),
                "a key without its secret is no credential");
        assertEquals(expected, TwilioCredentials.of(ACCOUNT, TOKEN, Optional.of(" "), SECRET).orElseThrow()
                .authorization(), "a blank key is unset");
        assertEquals("the auth token", TwilioCredentials.of(ACCOUNT, TOKEN, Optional.empty(), Optional.empty())
                .orElseThrow().toString());
    }

    @Test
    void withoutAnAccountSidOrAnyCredentialCallControlIsOff() {
        assertTrue(TwilioCredentials.of(Optional.empty(), TOKEN, KEY, SECRET).isEmpty());
        assertTrue(TwilioCredentials.of(ACCOUNT, Optional.empty(), KEY, Optional.empty()).isEmpty());
        assertEquals("TWILIO_ACCOUNT_SID is not set", TwilioCredentials.missing(Optional.empty()));
        assertEquals("neither TWILIO_API_KEY with TWILIO_API_SECRET nor TWILIO_AUTH_TOKEN is set",
                TwilioCredentials.missing(ACCOUNT));
    }

    @Test
    void theSecretNeverShowsInItsText() {
        TwilioCredentials credentials = TwilioCredentials.of(ACCOUNT, TOKEN, KEY, SECRET).orElseThrow();
        assertFalse(credentials.toString().contains(SECRET.get()));
        assertFalse(TwilioCredentials.of(ACCOUNT, TOKEN, Optional.empty(), Optional.empty()).orElseThrow().toString()
                .contains(TOKEN.get()));
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
