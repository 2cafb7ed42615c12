package dev.aivoicebot.speech;

import dev.aivoicebot.PackagedAppConfig;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Streaming, content types and the exact request OpenAI gets, against the packaged application (the jar, or the native binary with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppConfig.class)
class GenerateVoiceStreamingIT extends GenerateVoiceStreamingTest {
}
