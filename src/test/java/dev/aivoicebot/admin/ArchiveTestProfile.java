package dev.aivoicebot.admin;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The service with the calls API locked by a key and a LOG_DIR of its own, empty at start, so the calls a test
 * lists are exactly those the API tests put there or placed. Shared by every admin test, so Quarkus starts once.
 */
public class ArchiveTestProfile implements QuarkusTestProfile {

    static final String ADMIN_KEY = "canary-admin-key-2c6f0e9b41";
    static final Path LOG_DIR = freshDir();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("admin.api-key", ADMIN_KEY, "transcript.dir", LOG_DIR.toString());
    }

    static Path freshDir() {
        try {
            Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
            return Files.createTempDirectory(target, "archive-log-dir-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
