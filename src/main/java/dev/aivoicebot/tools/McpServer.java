package dev.aivoicebot.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A remote MCP server of TOOLS_FILE's {@code mcp} list, which OpenAI calls itself. {@code requireApproval} is the
 * file's value as it is ({@code "always"}, {@code "never"} or a filter object), absent for OpenAI's default
 * ({@code always}); {@code approve} names the tools whose approval requests the service grants.
 */
record McpServer(String serverLabel, URI serverUrl, Optional<String> serverDescription, Map<String, String> headers,
        Optional<List<String>> allowedTools, Optional<JsonNode> requireApproval, Set<String> approve) {

    @Override
    public String toString() { // header values are secrets
        return "McpServer[" + serverLabel + "]";
    }
}
