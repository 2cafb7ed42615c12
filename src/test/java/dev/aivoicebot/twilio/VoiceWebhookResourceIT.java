package dev.aivoicebot.twilio;

import dev.aivoicebot.PackagedAppConfig;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The webhook tests against the packaged application (the jar, or the native binary with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppConfig.class)
class VoiceWebhookResourceIT extends VoiceWebhookResourceTest {
}
