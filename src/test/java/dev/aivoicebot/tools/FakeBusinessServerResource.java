package dev.aivoicebot.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a {@link FakeBusinessServer} and gives the application a TOOLS_FILE of HTTP tools pointing at it, one per
 * way of answering, plus a signing secret and the variables its ${NAME} headers use (set as configuration, the way
 * {@code .env} or {@code config/application.properties} would).
 */
public class FakeBusinessServerResource implements QuarkusTestResourceLifecycleManager {

    public static final String SIGNING_SECRET = "tools-signing-canary-5be07c19";
    public static final String API_TOKEN = "business-api-canary-2f9d4e71";
    public static final String MCP_TOKEN = "business-mcp-canary-a83c50d6";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeBusinessServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = new FakeBusinessServer(Optional.of(SIGNING_SECRET));
            Path file = Files.createDirectories(Path.of("target/tools-test")).resolve("tools-" + ProcessHandle.current().pid()
                    + "-" + System.nanoTime() + ".json");
            Files.writeString(file, toolsFile().toPrettyString());
            return Map.of("tools.file", file.toAbsolutePath().toString(),
                    "tools.signing-secret", SIGNING_SECRET,
                    "BUSINESS_API_TOKEN", API_TOKEN,
                    "BUSINESS_MCP_TOKEN", MCP_TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode toolsFile() {
        ObjectNode file = JSON.createObjectNode();
        ArrayNode tools = file.putArray("tools");
        ObjectNode order = tool(tools, "biz_order", server.url("/ok"));
        order.putObject("parameters").put("type", "object").put("additionalProperties", false)
                .<ObjectNode>set("required", JSON.createArrayNode().add("order_number"))
                .putObject("properties").putObject("order_number").put("type", "string").put("pattern", "^[0-9]{4,12}$");
        order.putObject("headers").put("Authorization", "Bearer ${BUSINESS_API_TOKEN}").put("X-Shop", "main");
        tool(tools, "biz_text", server.url("/text"));
        tool(tools, "biz_empty", server.url("/empty"));
        tool(tools, "biz_slow", server.url("/slow")).put("timeout", "1s");
        tool(tools, "biz_wait", server.url("/wait"));
        tool(tools, "biz_fail", server.url("/fail"));
        tool(tools, "biz_huge", server.url("/huge"));
        tool(tools, "biz_reset", server.url("/reset"));
        tool(tools, "biz_down", "http://127.0.0.1:" + FreePorts.next() + "/nobody-listens");
        ObjectNode crm = file.putArray("mcp").addObject().put("server_label", "crm").put("server_url", "https://crm.example.test/mcp");
        crm.putObject("headers").put("Authorization", "Bearer ${BUSINESS_MCP_TOKEN}");
        crm.putArray("allowed_tools").add("find_customer");
        crm.put("require_approval", "always").putArray("approve").add("find_customer");
        return file;
    }

    private static ObjectNode tool(ArrayNode tools, String name, String url) {
        return tools.addObject().put("name", name).put("description", "Test tool " + name + ".").put("url", url);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeBusinessServer.class, FakeBusinessServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
