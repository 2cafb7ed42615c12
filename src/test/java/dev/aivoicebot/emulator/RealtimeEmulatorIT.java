package dev.aivoicebot.emulator;

import dev.aivoicebot.PackagedAppConfig;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The emulator's conversations against the packaged application (the jar, or the native binary with
 * -Dnative), with every server event it writes checked against OpenAI's schemas: in a native binary that
 * is what shows its JSON is complete.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppConfig.class)
class RealtimeEmulatorIT extends EmulatorOverTheWire {
}
