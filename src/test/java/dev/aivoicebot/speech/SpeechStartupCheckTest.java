package dev.aivoicebot.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.EnvironmentNames;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rule that keeps a production deployment from exposing a money-spending endpoint by accident. */
class SpeechStartupCheckTest {

    @Test
    void refusesToStartOpenWhenAKeyIsRequired() {
        Optional<String> problem = SpeechStartupCheck.problem(true, true, Optional.empty());

        assertTrue(problem.isPresent());
        assertTrue(problem.get().contains("GENERATE_VOICE_API_KEY"), problem.get());
        assertTrue(problem.get().contains("GENERATE_VOICE_ENABLED=false"), problem.get());
        assertTrue(problem.get().contains("GENERATE_VOICE_REQUIRE_API_KEY=false"), problem.get());
    }

    @Test
    void aBlankKeyCountsAsNoKey() {
        assertTrue(SpeechStartupCheck.problem(true, true, Optional.of("  ")).isPresent());
    }

    @Test
    void startsWithAKeyOrDisabledOrDeliberatelyOpen() {
        assertFalse(SpeechStartupCheck.problem(true, true, Optional.of("s3cret")).isPresent());
        assertFalse(SpeechStartupCheck.problem(false, true, Optional.empty()).isPresent());
        assertFalse(SpeechStartupCheck.problem(true, false, Optional.empty()).isPresent());
    }

    @Test
    void theProdProfileRequiresAKeyAndOtherProfilesDoNot() throws Exception {
        assertTrue(speechConfig("prod", Map.of()).requireApiKey());
        assertFalse(speechConfig("dev", Map.of()).requireApiKey());
        assertFalse(speechConfig("test", Map.of()).requireApiKey());
    }

    @Test
    void inProdOnlyAKeyADisableOrAnExplicitOpenLetsItStart() throws Exception {
        assertTrue(problemIn(Map.of()).isPresent());
        assertFalse(problemIn(Map.of("GENERATE_VOICE_API_KEY", "s3cret")).isPresent());
        assertFalse(problemIn(Map.of("GENERATE_VOICE_ENABLED", "false")).isPresent());
        assertFalse(problemIn(Map.of("GENERATE_VOICE_REQUIRE_API_KEY", "false")).isPresent());
    }

    @Test
    void defaultsAreDocumentedOnes() throws Exception {
        SpeechConfig config = speechConfig("dev", Map.of());
        assertEquals("gpt-4o-mini-tts", config.ttsModel());
        assertEquals(SpeechVoice.CORAL, config.defaultVoice());
        assertEquals(Optional.empty(), config.apiKey());
        assertEquals(10, config.rateLimit().requests());
        assertEquals(Duration.ofMinutes(1), config.rateLimit().period());
        assertEquals(Duration.ofSeconds(30), config.upstream().readTimeout());
    }

    private static Optional<String> problemIn(Map<String, String> environment) throws Exception {
        SpeechConfig config = speechConfig("prod", environment);
        return SpeechStartupCheck.problem(config.enabled(), config.requireApiKey(), config.apiKey());
    }

    /**
     * The speech settings as application.properties and the environment names resolve them in a profile, given
     * only these env vars.
     */
    private static SpeechConfig speechConfig(String profile, Map<String, String> environment) throws Exception {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .addDefaultInterceptors()
                .withInterceptors(new EnvironmentNames())
                .withSources(new PropertiesConfigSource(
                        SpeechStartupCheckTest.class.getResource("/application.properties"), 100))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(SpeechConfig.class)
                .build()
                .getConfigMapping(SpeechConfig.class);
    }
}
