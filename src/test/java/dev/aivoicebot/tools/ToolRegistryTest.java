package dev.aivoicebot.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry's two sources, the declarations a session gets, and what production refuses. */
class ToolRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENVIRONMENT = Map.of("ORDERS_API_TOKEN", ToolsFileReaderTest.ORDERS_TOKEN,
            "CRM_TOKEN", ToolsFileReaderTest.CRM_TOKEN);
    /** The session's {@code tools} items as OpenAI's GA schema has them: a function tool or an MCP tool. */
    private static final JsonSchema SESSION_TOOL = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword)).build()))
            .getSchema(SchemaLocation.of("classpath:openai-realtime-schemas.json"
                    + "#/components/schemas/RealtimeSessionCreateRequestGA/properties/tools/items"));

    @Test
    void theSessionDeclaresJavaToolsThenFileToolsThenMcpServersAsTheSchemaHasThem() throws Exception {
        ToolRegistry registry = registry(TestToolsConfig.withFile("docs/tools.example.json"), LaunchMode.TEST);

        assertEquals(List.of("current_time", "get_order_status", "book_table", "crm"), registry.sessionTools().stream()
                .map(tool -> tool instanceof ToolDeclarations.FunctionTool f ? f.name()
                        : ((ToolDeclarations.McpTool) tool).serverLabel()).toList());
        assertFalse(SESSION_TOOL.validate(JSON.readTree("{\"type\": \"mcp\"}")).isEmpty(), "the schema check bites");
        for (Object tool : registry.sessionTools()) {
            Set<ValidationMessage> problems = SESSION_TOOL.validate(JSON.valueToTree(tool));
            assertEquals(Set.of(), problems, () -> tool + " does not match the schema");
        }
        assertEquals(JSON.readTree("""
                {"type": "function", "name": "get_order_status",
                 "description": "Look up an order by its number. Ask the caller for the order number first.",
                 "parameters": {"type": "object",
                   "properties": {"order_number": {"type": "string", "description": "The order number, digits only",
                                                   "pattern": "^[0-9]{4,12}$"}},
                   "required": ["order_number"], "additionalProperties": false}}"""),
                JSON.valueToTree(registry.sessionTools().get(1)));
        assertEquals(JSON.readTree("""
                {"type": "mcp", "server_label": "crm", "server_url": "https://crm.example.com/mcp",
                 "headers": {"Authorization": "Bearer %s"}, "allowed_tools": ["find_customer", "update_customer"],
                 "require_approval": "always"}""".formatted(ToolsFileReaderTest.CRM_TOKEN)),
                JSON.valueToTree(registry.sessionTools().get(3)));
        assertFalse(registry.sessionTools().get(3).toString().contains(ToolsFileReaderTest.CRM_TOKEN),
                "a printed declaration shows no header value");
    }

    @Test
    void namesKnownToolsAndApprovesOnlyWhatTheFileAllows() {
        ToolRegistry registry = registry(TestToolsConfig.withFile("docs/tools.example.json"), LaunchMode.TEST);

        assertEquals(List.of("current_time", "get_order_status", "book_table"), List.copyOf(registry.names()));
        assertTrue(registry.isKnown("book_table"));
        assertFalse(registry.isKnown("crm"), "an MCP server is not a function the model calls through us");
        assertFalse(registry.isKnown(null));
        assertTrue(registry.approves("crm", "find_customer"));
        assertFalse(registry.approves("crm", "update_customer"));
        assertFalse(registry.approves("erp", "find_customer"));
    }

    @Test
    void withoutAFileThereAreTheBuiltInsOnly() {
        ToolRegistry registry = registry(new TestToolsConfig(Optional.empty(), Optional.empty(), Duration.ofSeconds(8),
                ZoneId.of("UTC")), LaunchMode.NORMAL);
        assertEquals(Set.of("current_time"), registry.names());
        assertEquals(1, registry.sessionTools().size());
    }

    @Test
    void productionRefusesHttpToolsWithoutASigningSecret() {
        String refusal = assertThrows(ConfigurationException.class,
                () -> registry(TestToolsConfig.withFile("docs/tools.example.json"), LaunchMode.NORMAL)).getMessage();
        assertTrue(refusal.startsWith("TOOLS_SIGNING_SECRET is not set, but TOOLS_FILE declares HTTP tools"), refusal);

        assertEquals(Optional.empty(), ToolRegistry.signingProblem(LaunchMode.NORMAL, true, Optional.of("a-shared-secret-0123")));
        assertEquals(Optional.empty(), ToolRegistry.signingProblem(LaunchMode.NORMAL, false, Optional.empty()));
        assertEquals(Optional.empty(), ToolRegistry.signingProblem(LaunchMode.DEVELOPMENT, true, Optional.empty()));
        assertTrue(ToolRegistry.signingProblem(LaunchMode.TEST, true, Optional.of("too-short")).orElseThrow()
                .startsWith("TOOLS_SIGNING_SECRET must be at least 16 characters"));
    }

    @Test
    void aJavaToolWithABadNameOrSchemaOrATakenNameIsRefusedByClass() {
        AssistantTool spaced = tool("current time", ParameterSchemas.none());
        AssistantTool stringly = tool("lookup", JSON.createObjectNode().put("type", "string"));
        AssistantTool twin = tool("current_time", ParameterSchemas.none());

        assertEquals("Java tool " + spaced.getClass().getName() + ": its name must match ^[a-zA-Z0-9_-]{1,64}$",
                refusal(spaced));
        assertEquals("Java tool " + stringly.getClass().getName() + " \"lookup\": its parameters must be a JSON Schema "
                + "with \"type\": \"object\"", refusal(stringly));
        assertEquals("Java tool " + twin.getClass().getName() + ": the name \"current_time\" is already the name of "
                + "Java tool " + CurrentTimeTool.class.getName(), refusal(twin));
    }

    private static String refusal(AssistantTool extra) {
        TestToolsConfig config = new TestToolsConfig(Optional.empty(), Optional.empty(), Duration.ofSeconds(8), ZoneId.of("UTC"));
        return assertThrows(ConfigurationException.class, () -> new ToolRegistry(config,
                List.of(new CurrentTimeTool(Clock.systemUTC()), extra), JSON, client(), name -> Optional.empty(),
                LaunchMode.TEST)).getMessage();
    }

    private static ToolRegistry registry(TestToolsConfig config, LaunchMode mode) {
        return new ToolRegistry(config, List.of(new CurrentTimeTool(Clock.systemUTC())), JSON, client(),
                name -> Optional.ofNullable(ENVIRONMENT.get(name)), mode);
    }

    private static HttpToolClient client() {
        return new HttpToolClient(JSON, Optional.empty(), Clock.systemUTC());
    }

    private static AssistantTool tool(String name, JsonNode parameters) {
        return new AssistantTool() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "A test tool.";
            }

            @Override
            public JsonNode parameters() {
                return parameters;
            }

            @Override
            public String call(JsonNode arguments, CallInfo call) {
                return "ok";
            }
        };
    }
}
