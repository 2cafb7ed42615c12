package dev.aivoicebot.openai;

import dev.aivoicebot.PackagedAppConfig;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** TLS to a wss:// upstream from the packaged application (the jar, or the native binary with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppConfig.class)
class RealtimeOverTlsIT extends RealtimeOverTlsTest {
}
