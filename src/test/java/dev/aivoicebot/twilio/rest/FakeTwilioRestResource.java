package dev.aivoicebot.twilio.rest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a {@link FakeTwilioRest} and points TWILIO_API_BASE_URL at it. With the init argument
 * {@code credentials=api-key} (the default) the application gets an account SID and an API key with its secret,
 * the credential the fake accepts; with {@code credentials=none} it gets no account SID, so call control is off
 * (the auth token of the test settings stays). Twilio's answers are awaited for {@value #TIMEOUT} at most.
 */
public class FakeTwilioRestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ACCOUNT_SID = "AC" + "0123456789abcdef".repeat(2);
    public static final String API_KEY = "SK" + "fedcba9876543210".repeat(2);
    public static final String API_SECRET = "twilio-api-secret-canary-4e8a13";
    public static final String TIMEOUT = "1s";

    private boolean credentials = true;
    private FakeTwilioRest server;

    @Override
    public void init(Map<String, String> initArgs) {
        credentials = !"none".equals(initArgs.getOrDefault("credentials", "api-key"));
    }

    @Override
    public Map<String, String> start() {
        try {
            server = new FakeTwilioRest(ACCOUNT_SID, API_KEY, API_SECRET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(Map.of("twilio.api-base-url", server.baseUrl(),
                "twilio.api-timeout", TIMEOUT));
        if (credentials) {
            config.putAll(Map.of("twilio.account-sid", ACCOUNT_SID, "twilio.api-key", API_KEY,
                    "twilio.api-secret", API_SECRET));
        }
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeTwilioRest.class, FakeTwilioRest.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
