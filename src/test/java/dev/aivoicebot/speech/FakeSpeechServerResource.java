package dev.aivoicebot.speech;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a {@link FakeSpeechServer} and points the application at it with a canary OpenAI key. Init args
 * are extra configuration ({@code speech.*} / {@code openai.*}), so a test class can run the application
 * with, say, a bearer token or a small rate limit; an empty value unsets a property.
 */
public class FakeSpeechServerResource implements QuarkusTestResourceLifecycleManager {

    /** The OpenAI key the application is given in tests; it must never appear in a response or a log. */
    public static final String CANARY_KEY = "sk-test-canary-7f3a9c2e51";

    private final Map<String, String> extraConfig = new HashMap<>();
    private FakeSpeechServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        extraConfig.putAll(initArgs);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = new FakeSpeechServer(CANARY_KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("openai.base-url", server.baseUrl());
        config.put("openai.api-key", CANARY_KEY);
        // Short enough to test a hanging upstream quickly, long enough for the scripted chunk delays.
        config.put("speech.upstream.read-timeout", "3s");
        config.put("speech.rate-limit.enabled", "false");
        config.putAll(extraConfig);
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeSpeechServer.class, FakeSpeechServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
