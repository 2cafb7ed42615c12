package dev.aivoicebot.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** TOOLS_FILE is checked at start-up; each mistake is refused with one line naming the file, the entry and the field. */
class ToolsFileReaderTest {

    static final String ORDERS_TOKEN = "orders-token-canary-8d2f61";
    static final String CRM_TOKEN = "crm-token-canary-04be93";
    private static final Map<String, String> ENVIRONMENT = Map.of("ORDERS_API_TOKEN", ORDERS_TOKEN, "CRM_TOKEN", CRM_TOKEN);
    private static final String GOOD_TOOL = """
            {"name": "get_order_status", "description": "Look up an order.",
             "parameters": {"type": "object", "properties": {"order_number": {"type": "string"}}, "required": ["order_number"]},
             "url": "https://shop.example.com/order-status", "headers": {"Authorization": "Bearer ${ORDERS_API_TOKEN}"}}""";

    @TempDir
    Path dir;

    private final ToolsFileReader reader = new ToolsFileReader(new ObjectMapper(),
            new Placeholders(name -> Optional.ofNullable(ENVIRONMENT.get(name))));

    @Test
    void theExampleFileInTheDocsIsValid() {
        ToolsFile file = reader.read(Path.of("docs/tools.example.json"), Map.of());

        assertEquals(List.of("get_order_status", "book_table"), file.tools().stream().map(HttpTool::name).toList());
        HttpTool orders = file.tools().get(0);
        assertEquals("https://shop.example.com/voice-tools/order-status", orders.url().toString());
        assertEquals(Map.of("Authorization", "Bearer " + ORDERS_TOKEN), orders.headers());
        assertEquals(Optional.of(Duration.ofSeconds(5)), orders.timeout());
        assertEquals(Optional.empty(), file.tools().get(1).timeout());
        McpServer crm = file.mcp().get(0);
        assertEquals("crm", crm.serverLabel());
        assertEquals(Map.of("Authorization", "Bearer " + CRM_TOKEN), crm.headers());
        assertEquals(Optional.of(List.of("find_customer", "update_customer")), crm.allowedTools());
        assertEquals(Set.of("find_customer"), crm.approve());
        assertEquals("always", crm.requireApproval().orElseThrow().asText());
    }

    @Test
    void aToolWithoutParametersTakesNone() throws IOException {
        ToolsFile file = reader.read(write("""
                {"tools": [{"name": "opening_hours", "description": "Today's opening hours.", "url": "http://hours.test/"}]}"""),
                Map.of());

        assertEquals("{\"type\":\"object\",\"properties\":{}}", file.tools().get(0).parameters().toString());
        assertEquals(Map.of(), file.tools().get(0).headers());
    }

    @Test
    void anEmptyListOfToolsIsFine() throws IOException {
        assertEquals(ToolsFile.NONE, reader.read(write("{}"), Map.of()));
        assertEquals(ToolsFile.NONE, reader.read(write("{\"tools\": [], \"mcp\": []}"), Map.of()));
    }

    @Test
    void aFileThatCannotBeReadIsRefused() {
        Path missing = dir.resolve("missing.json");
        assertEquals("TOOLS_FILE " + missing + ": cannot be read (NoSuchFileException)", refusal(missing));
        assertTrue(refusal(dir).startsWith("TOOLS_FILE " + dir + ": cannot be read"), refusal(dir));
    }

    @Test
    void aFileThatIsNotJsonIsRefusedWithWhere() throws IOException {
        Path file = write("{\"tools\": [\n  {\"name\": \"x\",}\n]}");
        String message = refusal(file);
        assertTrue(message.startsWith("TOOLS_FILE " + file + ": is not valid JSON at line 2, column "), message);
        assertTrue(refusal(write("")).endsWith(": is empty; it must be a JSON object"));
        assertTrue(refusal(write("[]")).endsWith(": the file must be a JSON object"));
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws IOException {
        String message = refusal(write("{\"tools\": [], \"tools\": []}"));
        assertTrue(message.contains("is not valid JSON") && message.contains("Duplicate field 'tools'"), message);
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("{\"tool\": []}", "the file, field \"tool\": is not a field of this entry (expected one of mcp, tools)"),
                Arguments.of("{\"tools\": {}}", "\"tools\" must be a list"),
                Arguments.of("{\"tools\": [\"get_order_status\"]}", "tools[0] must be a JSON object"),
                Arguments.of(tool("\"name\": \"get order status\""), "tools[0], field \"name\": must match ^[a-zA-Z0-9_-]{1,64}$"),
                Arguments.of(tool("\"name\": \"" + "x".repeat(65) + "\""), "tools[0], field \"name\": must match"),
                Arguments.of(tool("\"name\": 7"), "tools[0], field \"name\": must be a non-empty string"),
                Arguments.of(without("\"name\": \"get_order_status\", "), "tools[0], field \"name\": is required"),
                Arguments.of("{\"tools\": [" + GOOD_TOOL + ", " + GOOD_TOOL + "]}",
                        "tools[1] \"get_order_status\", field \"name\": is already the name of tools[0]"),
                Arguments.of(without("\"description\": \"Look up an order.\",\n "),
                        "tools[0] \"get_order_status\", field \"description\": is required"),
                Arguments.of(tool("\"parameters\": \"order_number\""),
                        "tools[0] \"get_order_status\", field \"parameters\": must be a JSON Schema object"),
                Arguments.of(tool("\"parameters\": {\"type\": \"string\"}"),
                        "field \"parameters\": must be a JSON Schema with \"type\": \"object\""),
                Arguments.of(tool("\"parameters\": {\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"strng\"}}}"),
                        "field \"parameters\": is not a valid JSON Schema: "),
                Arguments.of(tool("\"parameters\": {\"type\": \"object\", \"required\": \"n\"}"),
                        "field \"parameters\": is not a valid JSON Schema: "),
                Arguments.of(tool("\"parameters\": {\"type\": \"object\", \"properties\": {\"n\": {\"$ref\": \"https://evil.test/s.json\"}}}"),
                        "field \"parameters\": may only use local references"),
                Arguments.of(tool("\"url\": \"/order-status\""),
                        "tools[0] \"get_order_status\", field \"url\": must be an absolute http:// or https:// URL"),
                Arguments.of(tool("\"url\": \"ftp://shop.example.com/x\""), "field \"url\": must be an absolute http://"),
                Arguments.of(tool("\"url\": \"https://shop example.com/x\""), "field \"url\": must be an absolute http://"),
                Arguments.of(without("\"url\": \"https://shop.example.com/order-status\", "), "field \"url\": is required"),
                Arguments.of(tool("\"headers\": {\"Authorization\": \"Bearer ${UNSET_TOKEN}\"}"),
                        "tools[0] \"get_order_status\", field \"headers.Authorization\": uses ${UNSET_TOKEN}, which is not set in the environment"),
                Arguments.of(tool("\"headers\": {\"Authorization\": \"Bearer ${}\"}"), "field \"headers.Authorization\": \"${}\" is not a variable name"),
                Arguments.of(tool("\"headers\": {\"Host\": \"evil.test\"}"), "field \"headers.Host\": is set by the service"),
                Arguments.of(tool("\"headers\": {\"X-Voice-Bot-Signature\": \"t=1,v1=00\"}"), "field \"headers.X-Voice-Bot-Signature\": is set by the service"),
                Arguments.of(tool("\"headers\": {\"Bad Header\": \"x\"}"), "field \"headers.Bad Header\": is not a valid HTTP header name"),
                Arguments.of(tool("\"headers\": {\"X-Count\": 3}"), "field \"headers.X-Count\": must be a string"),
                Arguments.of(tool("\"headers\": [\"Authorization\"]"), "field \"headers\": must be an object of header names"),
                Arguments.of(tool("\"timeout\": \"soon\""), "field \"timeout\": must be a positive duration such as \"5s\""),
                Arguments.of(tool("\"timeout\": \"0s\""), "field \"timeout\": must be a positive duration"),
                Arguments.of(tool("\"timout\": \"5s\""), "tools[0], field \"timout\": is not a field of this entry (expected one of description, headers, name, parameters, timeout, url)"),
                Arguments.of(mcp("\"server_label\": \"crm tools\""), "mcp[0], field \"server_label\": must match"),
                Arguments.of(mcp("\"server_url\": \"crm.example.com/mcp\""), "mcp[0] \"crm\", field \"server_url\": must be an absolute http://"),
                Arguments.of(mcp("\"allowed_tools\": \"find_customer\""), "mcp[0] \"crm\", field \"allowed_tools\": must be a list of non-empty strings"),
                Arguments.of(mcp("\"approve\": [\"delete_customer\"]"), "mcp[0] \"crm\", field \"approve\": names a tool that is not in allowed_tools"),
                Arguments.of(mcp("\"require_approval\": \"sometimes\""), "mcp[0] \"crm\", field \"require_approval\": must be \"always\", \"never\", or"),
                Arguments.of(mcp("\"require_approval\": {\"never\": {\"tools\": [\"x\"]}}"), "field \"require_approval\": must be"),
                Arguments.of(mcp("\"headers\": {\"Authorization\": \"${NO_CRM_TOKEN}\"}"), "mcp[0] \"crm\", field \"headers.Authorization\": uses ${NO_CRM_TOKEN}"),
                Arguments.of("{\"mcp\": [" + mcp() + ", " + mcp() + "]}", "mcp[1] \"crm\", field \"server_label\": is already the label of another MCP server"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void eachMistakeIsRefusedWithTheFileTheEntryAndTheField(String content, String expected) throws IOException {
        Path file = write(content);
        String message = refusal(file);
        assertTrue(message.startsWith("TOOLS_FILE " + file + ": "), message);
        assertTrue(message.contains(expected), () -> "expected '" + expected + "' in: " + message);
        assertFalse(message.contains("\n"), "one line");
    }

    @Test
    void aFileToolMayNotTakeTheNameOfAJavaTool() throws IOException {
        Path file = write("{\"tools\": [" + GOOD_TOOL + "]}");
        String message = assertThrows(ConfigurationException.class, () -> reader.read(file,
                Map.of("get_order_status", "Java tool com.example.Orders"))).getMessage();
        assertEquals("TOOLS_FILE " + file + ": tools[0] \"get_order_status\", field \"name\": is already the name of "
                + "Java tool com.example.Orders", message);
    }

    @Test
    void noMessageQuotesAHeaderValue() throws IOException {
        Path file = write(tool("\"headers\": {\"Authorization\": \"Bearer ${ORDERS_API_TOKEN}\", \"X-Bad\": \"a${ORDERS_API_TOKEN}\\nb\"}"));
        String message = refusal(file);
        assertTrue(message.contains("field \"headers.X-Bad\": contains a line break"), message);
        assertFalse(message.contains(ORDERS_TOKEN), message);
    }

    private String refusal(Path file) {
        return assertThrows(ConfigurationException.class, () -> reader.read(file, Map.of())).getMessage();
    }

    private Path write(String content) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "tools", ".json"), content);
    }

    /** A file with one tool: the good one with {@code field} replacing the field of the same name, or added. */
    private static String tool(String field) {
        String name = field.substring(0, field.indexOf(':') + 1);
        String tool = GOOD_TOOL;
        int at = tool.indexOf(name);
        if (at >= 0) {
            int end = nextField(tool, at + name.length());
            tool = tool.substring(0, at) + field + tool.substring(end);
        } else {
            tool = tool.substring(0, tool.length() - 1) + ", " + field + "}";
        }
        return "{\"tools\": [" + tool + "]}";
    }

    private static String without(String field) {
        assertTrue(GOOD_TOOL.contains(field), field);
        return "{\"tools\": [" + GOOD_TOOL.replace(field, "") + "]}";
    }

    private static String mcp(String... fields) {
        StringBuilder server = new StringBuilder("{\"server_label\": \"crm\", \"server_url\": \"https://crm.example.com/mcp\", "
                + "\"allowed_tools\": [\"find_customer\"], \"approve\": [\"find_customer\"]");
        for (String field : fields) {
            String name = field.substring(0, field.indexOf(':') + 1);
            int at = server.indexOf(name);
            if (at >= 0) {
                server.replace(at, nextField(server.toString(), at + name.length()), field);
            } else {
                server.append(", ").append(field);
            }
        }
        String json = server.append("}").toString();
        return fields.length == 0 ? json : "{\"mcp\": [" + json + "]}";
    }

    /** Where the value starting at {@code from} ends (at the next top-level comma or closing brace). */
    private static int nextField(String json, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"' && json.charAt(i - 1) != '\\') {
                inString = !inString;
            } else if (!inString && (c == '{' || c == '[')) {
                depth++;
            } else if (!inString && (c == '}' || c == ']')) {
                if (depth-- == 0) {
                    return i;
                }
            } else if (!inString && c == ',' && depth == 0) {
                return i;
            }
        }
        return json.length();
    }
}
