package dev.aivoicebot.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * The entries of {@code session.tools} in the GA {@code session.update}, as records so the wire shape is visible
 * in one place: the schema's {@code RealtimeFunctionTool} and {@code MCPTool}.
 */
public final class ToolDeclarations {

    private ToolDeclarations() {
    }

    /** A function the model may call; the service runs it. */
    @RegisterForReflection
    public record FunctionTool(String type, String name, String description, JsonNode parameters) {

        public FunctionTool(String name, String description, JsonNode parameters) {
            this("function", name, description, parameters);
        }
    }

    /**
     * A remote MCP server OpenAI calls itself. {@code headers} hold secrets (resolved ${NAME}s), so the record
     * does not print them.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record McpTool(String type, @JsonProperty("server_label") String serverLabel,
            @JsonProperty("server_url") String serverUrl, @JsonProperty("server_description") String serverDescription,
            Map<String, String> headers, @JsonProperty("allowed_tools") List<String> allowedTools,
            @JsonProperty("require_approval") JsonNode requireApproval) {

        static McpTool of(McpServer server) {
            return new McpTool("mcp", server.serverLabel(), server.serverUrl().toString(),
                    server.serverDescription().orElse(null), server.headers().isEmpty() ? null : server.headers(),
                    server.allowedTools().orElse(null), server.requireApproval().orElse(null));
        }

        @Override
        public String toString() {
            return "McpTool[server_label=" + serverLabel + ", server_url=" + serverUrl + ", headers="
                    + (headers == null ? "none" : headers.keySet()) + "]";
        }
    }
}
