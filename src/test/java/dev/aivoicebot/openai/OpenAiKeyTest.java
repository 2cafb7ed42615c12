package dev.aivoicebot.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Is there an OpenAI key?" is answered by {@link OpenAiConfig#key()} alone; a blank line is no key. */
class OpenAiKeyTest {

    @Test
    void aBlankKeyIsNoKey() {
        assertEquals(Optional.empty(), config(null).key());
        assertEquals(Optional.empty(), config("").key());
        assertEquals(Optional.empty(), config("  \t").key());
    }

    @Test
    void aKeyIsUsedWithoutSurroundingWhitespace() {
        assertEquals(Optional.of("sk-live-123"), config(" sk-live-123\n").key());
    }

    private static OpenAiConfig config(String apiKey) {
        return new OpenAiConfig() {
            @Override
            public Optional<String> apiKey() {
                return Optional.ofNullable(apiKey);
            }

            @Override
            public String realtimeUrl() {
                return "wss://example.test/v1/realtime";
            }

            @Override
            public String baseUrl() {
                return "https://example.test/v1";
            }

            @Override
            public String realtimeModel() {
                return "gpt-realtime";
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Optional<String> tlsConfigurationName() {
                return Optional.empty();
            }
        };
    }
}
