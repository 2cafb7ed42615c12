package dev.aivoicebot.speech;

import dev.aivoicebot.PackagedAppConfig;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Error JSON for bad input, against the packaged application (the jar, or the native binary with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppConfig.class)
class GenerateVoiceValidationIT extends GenerateVoiceValidationTest {
}
