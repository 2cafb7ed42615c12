package dev.aivoicebot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged application in production refuses settings that would be unsafe with one clear line and exit
 * code 1, not a stack trace an operator has to dig through; what is only risky is warned about at start.
 */
class StartupRefusalIT {

    private static final String TOOLS_SECRET = "packaged-tools-secret-61d0a9";
    private static final String ORDERS_TOKEN = "packaged-orders-token-c47e12";
    private static final String ORDER_TOOL = """
            {"tools": [{"name": "get_order_status", "description": "Look up an order.",
                        "url": "https://shop.example.test/order-status",
                        "headers": {"Authorization": "Bearer ${ORDERS_API_TOKEN}"}}]}""";

    @Test
    void anOpenGenerateVoiceIsRefusedWithOneLineAndExitCode1() throws Exception {
        assertRefused(Map.of("GENERATE_VOICE_ENABLED", "true"), "POST /generate-voice spends OpenAI credit");
    }

    @Test
    void outboundCallsWithoutACallsApiKeyAreRefusedWithOneLineAndExitCode1() throws Exception {
        assertRefused(Map.of("OUTBOUND_ENABLED", "true", "OUTBOUND_ALLOWED", "+1555*"),
                "POST /calls places phone calls and would be open to anyone");
    }

    @Test
    void anOpenCallsApiIsRefusedWithOneLineAndExitCode1() throws Exception {
        assertRefused(Map.of("ADMIN_API_KEY", ""), "The calls API (/api/calls) and console (/console) show");
    }

    @Test
    void productionWithoutATwilioAuthTokenIsRefusedWithOneLineAndExitCode1() throws Exception {
        assertRefused(Map.of("TWILIO_AUTH_TOKEN", ""), "TWILIO_AUTH_TOKEN is not set");
    }

    @Test
    void aShortStreamTokenSecretIsRefusedWithOneLineAndExitCode1() throws Exception {
        assertRefused(Map.of("STREAM_TOKEN_SECRET", "too-short"), "STREAM_TOKEN_SECRET must be at least 16");
    }

    @Test
    void aMissingSecretAndAPlainHttpOriginAreWarnedAtStart() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("STREAM_TOKEN_SECRET", "",
                "PUBLIC_BASE_URL", "http://voice.example.test"))) {
            String log = app.output();
            assertTrue(log.contains("STREAM_TOKEN_SECRET is not set"), log);
            assertTrue(log.contains("PUBLIC_BASE_URL is not https://"), log);
        }
    }

    @Test
    void anInvalidToolsFileIsRefusedWithOneLineNamingTheFileTheToolAndTheField() throws Exception {
        Path file = toolsFile(ORDER_TOOL.replace("https://shop.example.test/order-status", "/order-status"));
        assertRefused(Map.of("TOOLS_FILE", file.toString(), "TOOLS_SIGNING_SECRET", TOOLS_SECRET,
                "ORDERS_API_TOKEN", ORDERS_TOKEN), "TOOLS_FILE " + file
                + ": tools[0] \"get_order_status\", field \"url\": must be an absolute http:// or https:// URL");
    }

    @Test
    void httpToolsWithoutASigningSecretAreRefusedInProduction() throws Exception {
        assertRefused(Map.of("TOOLS_FILE", toolsFile(ORDER_TOOL).toString(), "ORDERS_API_TOKEN", ORDERS_TOKEN),
                "TOOLS_SIGNING_SECRET is not set, but TOOLS_FILE declares HTTP tools");
    }

    @Test
    void anInvalidProfilesFileIsRefusedWithOneLineNamingTheFileTheProfileAndTheField() throws Exception {
        Path file = toolsFile("""
                {"profiles": [{"name": "sales", "numbers": ["+15550001"], "tools": ["get_weather"]}]}""");
        assertRefused(Map.of("PROFILES_FILE", file.toString()), "PROFILES_FILE " + file
                + ": profiles[0] \"sales\", field \"tools\": there is no tool or MCP server named get_weather (known: "
                + "current_time)");
    }

    /** The control for the two above: the same file, signed, starts; its header secret never reaches the log. */
    @Test
    void aValidToolsFileStartsAndItsSecretsStayOutOfTheLog() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("TOOLS_FILE", toolsFile(ORDER_TOOL).toString(),
                "TOOLS_SIGNING_SECRET", TOOLS_SECRET, "ORDERS_API_TOKEN", ORDERS_TOKEN))) {
            String log = app.output();
            assertTrue(log.contains("Tools: current_time, get_order_status"), log);
            assertFalse(log.contains(ORDERS_TOKEN) || log.contains(TOOLS_SECRET), log);
        }
    }

    private static Path toolsFile(String content) throws IOException {
        return Files.writeString(Files.createTempFile(Path.of("target").toAbsolutePath(), "tools-", ".json"), content);
    }

    private static void assertRefused(Map<String, String> settings, String reason) throws Exception {
        try (PackagedApp app = PackagedApp.launch(settings)) {
            int exit = app.awaitExit(Duration.ofSeconds(60));
            String output = app.output();
            assertEquals(1, exit, output);
            List<String> mentions = output.lines().filter(l -> l.contains(reason)).toList();
            assertEquals(1, mentions.size(), output);
            assertFalse(output.lines().anyMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by")),
                    () -> "a stack trace for a configuration mistake:\n" + output);
        }
    }
}
