package dev.aivoicebot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code .env} is read by every local run, so it must pin nothing: an active line would override a
 * computed default (PUBLIC_BASE_URL pinned to port 3000 broke signatures for anyone running on another PORT).
 * Secrets go to the git-ignored {@code config/application.properties} or the environment.
 */
class DotEnvTemplateTest {

    @Test
    void theCommittedDotEnvIsATemplateWithNoActiveSetting() throws IOException {
        List<String> active = Files.readAllLines(Path.of(".env")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertEquals(List.of(), active, ".env lines that would pin a value for every local run");
    }

    @Test
    void thePlaceForLocalSecretsIsIgnoredByGit() throws IOException {
        assertTrue(Files.readAllLines(Path.of(".gitignore")).contains("config/"),
                "config/application.properties holds local secrets and must never be committed");
    }
}
