package dev.aivoicebot.tools;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** ToolsConfig for unit tests, without a running application. */
record TestToolsConfig(Optional<String> file, Optional<String> signingSecret, Duration timeout, ZoneId timeZone)
        implements ToolsConfig {

    static TestToolsConfig withFile(String file) {
        return new TestToolsConfig(Optional.of(file), Optional.empty(), Duration.ofSeconds(8), ZoneId.of("UTC"));
    }
}
