package dev.aivoicebot.speech;

import dev.aivoicebot.PackagedAppConfig;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Upstream failure mapping, against the packaged application (the jar, or the native binary with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppConfig.class)
class GenerateVoiceUpstreamFailureIT extends GenerateVoiceUpstreamFailureTest {
}
