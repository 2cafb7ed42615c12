package dev.aivoicebot.call;

import dev.aivoicebot.PackagedAppConfig;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Whole calls against the packaged application (the jar, or the native binary with -Dnative). The JVM-only
 * {@link CallEndToEndTest} also compares what the caller hears with what the emulator recorded; here only
 * the wire and the transcript files can be seen.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppConfig.class)
class CallEndToEndIT extends CallOverTheWire {
}
