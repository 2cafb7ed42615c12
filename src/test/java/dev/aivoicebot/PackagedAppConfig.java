package dev.aivoicebot;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives the packaged application (jar or native binary, launched by {@code @QuarkusIntegrationTest}) the
 * settings {@code @QuarkusTest}s get from the test classpath. The packaged artifact contains only main
 * resources, so it would never see {@code META-INF/microprofile-config.properties}; here the same file is
 * handed to it with {@code quarkus.config.locations} (its {@code config_ordinal} still applies, so test
 * resources override it exactly as in JVM tests). The map returned is passed to the launched process as
 * system properties.
 */
public class PackagedAppConfig implements QuarkusTestResourceLifecycleManager {

    private static final String TEST_SETTINGS = "META-INF/microprofile-config.properties";

    @Override
    public Map<String, String> start() {
        // Quarkus' artifact launcher picks the HTTP test port but not the management one: pick a free one here
        // and tell the tests where it is (ManagementInterface reads test.management.url).
        int managementPort = FreePorts.next();
        return Map.of(
                "quarkus.management.port", Integer.toString(managementPort),
                "test.management.url", "http://localhost:" + managementPort + "/q",
                "quarkus.config.locations", testSettings(),
                // relative paths would resolve against the launched process' working directory
                "transcript.dir", Path.of("target/test-transcripts").toAbsolutePath().toString(),
                // the artifact runs in the prod profile, where an open /generate-voice or calls API refuses to
                // start; JVM tests run in the test profile, which allows both
                "speech.require-api-key", "false",
                "admin.require-api-key", "false");
    }

    @Override
    public void stop() {
    }

    private static String testSettings() {
        URL url = PackagedAppConfig.class.getClassLoader().getResource(TEST_SETTINGS);
        if (url == null) {
            throw new IllegalStateException(TEST_SETTINGS + " is not on the test classpath");
        }
        try {
            return Path.of(url.toURI()).toUri().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
