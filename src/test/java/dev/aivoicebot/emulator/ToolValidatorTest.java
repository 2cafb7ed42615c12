package dev.aivoicebot.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which tools a session.update may declare, what it is told when one is bad, and that a refusal changes nothing. */
class ToolValidatorTest {

    private static final String LOOKUP = "{\"type\":\"function\",\"name\":\"lookup_order\",\"description\":\"Find an order.\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"order_number\":{\"type\":\"string\"}}}}";
    private static final String DOCS = "{\"type\":\"mcp\",\"server_label\":\"docs\",\"server_url\":\"https://mcp.example.test/sse\","
            + "\"headers\":{\"Authorization\":\"Bearer t\"},\"allowed_tools\":[\"search\"],\"require_approval\":\"never\"}";

    private final ObjectMapper json = new ObjectMapper();
    private final SessionSettings settings = new SessionSettings(json, "sess_1", "gpt-realtime", Instant.EPOCH);

    @Test
    void functionAndMcpToolsAreKeptAcrossLaterUpdates() throws Exception {
        update("{\"type\":\"realtime\",\"tools\":[" + LOOKUP + "," + DOCS + "],\"tool_choice\":\"required\"}");
        update("{\"type\":\"realtime\",\"instructions\":\"Be brief.\"}");

        assertEquals(2, settings.snapshot().path("tools").size());
        assertEquals("required", settings.snapshot().path("tool_choice").asText());
        assertEquals(true, settings.tools().declares(new ScriptedCall(null, "lookup_order", "{}", false, null)));
        assertEquals(false, settings.tools().declares(new ScriptedCall(null, "other", "{}", false, null)));
        assertEquals(true, settings.tools().declares(new ScriptedCall("docs", "search", "{}", false, "ok")));
        assertEquals(false, settings.tools().declares(new ScriptedCall("docs", "delete", "{}", false, "ok")));
    }

    @Test
    void aToolChoiceObjectIsReplacedWholeAndMustNameADeclaredTool() throws Exception {
        update("{\"type\":\"realtime\",\"tools\":[" + LOOKUP + "," + DOCS + "],"
                + "\"tool_choice\":{\"type\":\"function\",\"name\":\"lookup_order\"}}");
        update("{\"type\":\"realtime\",\"tool_choice\":{\"type\":\"mcp\",\"server_label\":\"docs\"}}");

        assertEquals("{\"type\":\"mcp\",\"server_label\":\"docs\"}", settings.snapshot().path("tool_choice").toString());
        assertEquals("session.tool_choice.name", refused("{\"type\":\"realtime\",\"tool_choice\":"
                + "{\"type\":\"function\",\"name\":\"transfer\"}}").param);
    }

    @Test
    void badToolsAreRefusedNamingTheParameter() throws Exception {
        assertRefused("\"tools\":{}", "invalid_type", "session.tools");
        assertRefused("\"tools\":[{\"name\":\"x\"}]", "missing_required_parameter", "session.tools[0].type");
        assertRefused("\"tools\":[{\"type\":\"web_search\"}]", "invalid_value", "session.tools[0].type");
        assertRefused("\"tools\":[" + LOOKUP + ",{\"type\":\"function\"}]", "missing_required_parameter",
                "session.tools[1].name");
        assertRefused("\"tools\":[{\"type\":\"function\",\"name\":\"look up\"}]", "invalid_value", "session.tools[0].name");
        assertRefused("\"tools\":[{\"type\":\"function\",\"name\":\"" + "n".repeat(65) + "\"}]",
                "string_above_max_length", "session.tools[0].name");
        assertRefused("\"tools\":[{\"type\":\"function\",\"name\":\"f\",\"parameters\":\"{}\"}]", "invalid_type",
                "session.tools[0].parameters");
        assertRefused("\"tools\":[{\"type\":\"mcp\",\"server_url\":\"https://x.test\"}]", "missing_required_parameter",
                "session.tools[0].server_label");
        assertRefused("\"tools\":[{\"type\":\"mcp\",\"server_label\":\"d\"}]", "missing_required_parameter",
                "session.tools[0].server_url");
        assertRefused("\"tools\":[{\"type\":\"mcp\",\"server_label\":\"d\",\"server_url\":\"ftp://x\"}]", "invalid_value",
                "session.tools[0].server_url");
        assertRefused("\"tools\":[" + DOCS.replace("\"Bearer t\"", "1") + "]", "invalid_type",
                "session.tools[0].headers.Authorization");
        assertRefused("\"tools\":[" + DOCS.replace("\"never\"", "\"sometimes\"") + "]", "invalid_value",
                "session.tools[0].require_approval");
        assertRefused("\"tools\":[" + DOCS.replace("[\"search\"]", "{\"names\":[]}") + "]", "unknown_parameter",
                "session.tools[0].allowed_tools.names");
        assertRefused("\"tool_choice\":\"always\"", "invalid_value", "session.tool_choice");
    }

    @Test
    void aRefusedUpdateChangesNothing() throws Exception {
        update("{\"type\":\"realtime\",\"tools\":[" + LOOKUP + "]}");
        refused("{\"type\":\"realtime\",\"instructions\":\"x\",\"tools\":[{\"type\":\"function\"}]}");

        assertEquals(1, settings.snapshot().path("tools").size());
        assertEquals(SessionSettings.DEFAULT_INSTRUCTIONS, settings.instructions());
    }

    @Test
    void toolChoiceNoneMeansNoCalls() throws Exception {
        update("{\"type\":\"realtime\",\"tools\":[" + LOOKUP + "],\"tool_choice\":\"none\"}");

        assertEquals(false, settings.tools().callsAllowed());
    }

    private void assertRefused(String fields, String code, String param) throws Exception {
        ClientError error = refused("{\"type\":\"realtime\"," + fields + "}");
        assertEquals(ClientError.INVALID_REQUEST, error.type, fields);
        assertEquals(code, error.code, fields);
        assertEquals(param, error.param, fields);
    }

    private ClientError refused(String session) throws Exception {
        var update = json.readTree(session);
        return assertThrows(ClientError.class, () -> settings.update(update, false));
    }

    private void update(String session) throws Exception {
        settings.update(json.readTree(session), false);
    }
}
