package dev.aivoicebot.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.LaunchMode;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the service refuses to start with: production with a URL and no secret, a short secret, a URL of no use. */
class CallEventsStartupTest {

    private static final String SECRET = "a-secret-of-16-plus";

    @Test
    void productionRefusesAUrlWithNoSecretAndOtherModesWarnOnly() {
        assertTrue(CallEvents.problem(LaunchMode.NORMAL, config("https://biz.example.test/events"), Optional.empty())
                .orElseThrow().contains("CALL_EVENTS_SIGNING_SECRET"));
        assertEquals(Optional.empty(), CallEvents.problem(LaunchMode.NORMAL,
                config("https://biz.example.test/events"), Optional.of(SECRET)));
        assertEquals(Optional.empty(), CallEvents.problem(LaunchMode.DEVELOPMENT,
                config("https://biz.example.test/events"), Optional.empty()));
        assertEquals(Optional.empty(), CallEvents.problem(LaunchMode.NORMAL, config(null), Optional.empty()),
                "no URL, nothing to sign");
    }

    @Test
    void aShortSecretOrAUrlThatIsNotHttpIsRefusedEverywhere() {
        assertTrue(CallEvents.problem(LaunchMode.TEST, config("https://biz.example.test/e"), Optional.of("short"))
                .orElseThrow().contains("16 characters"));
        for (String url : new String[] {"ftp://biz.example.test/e", "/events", "mailto:ops@example.test"}) {
            assertTrue(CallEvents.problem(LaunchMode.TEST, config(url), Optional.of(SECRET)).orElseThrow()
                    .contains("CALL_EVENTS_URL"), url);
        }
    }

    private static CallEventsConfig config(String url) {
        return new CallEventsConfig() {
            public Optional<URI> url() {
                return Optional.ofNullable(url).map(URI::create);
            }

            public Optional<String> signingSecret() {
                return Optional.empty();
            }

            public int maxAttempts() {
                return 15;
            }

            public Duration maxAge() {
                return Duration.ofHours(24);
            }

            public Duration retryDelay() {
                return Duration.ofSeconds(10);
            }

            public Duration timeout() {
                return Duration.ofSeconds(10);
            }
        };
    }
}
