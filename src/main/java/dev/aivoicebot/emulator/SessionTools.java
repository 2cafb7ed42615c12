package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The tools a session declares, as scripted calls need them: whether a call may be made at all (not with
 * {@code tool_choice: "none"}), which calls it declares, and which MCP calls need the client's approval first.
 */
final class SessionTools {

    private final JsonNode tools;
    private final boolean callsAllowed;

    private SessionTools(JsonNode tools, boolean callsAllowed) {
        this.tools = tools;
        this.callsAllowed = callsAllowed;
    }

    /** From an effective session object, whose tools and tool_choice have been validated. */
    static SessionTools of(JsonNode session) {
        return new SessionTools(session.path("tools").deepCopy(), !"none".equals(session.path("tool_choice").asText()));
    }

    boolean callsAllowed() {
        return callsAllowed;
    }

    /** Whether the session lets this scripted call be made (a forced function always). */
    boolean declares(ScriptedCall call) {
        if (!call.mcp()) {
            return call.evenIfUndeclared() || declared("function", "name", call.name()) != null;
        }
        JsonNode server = mcpServer(call.serverLabel());
        return server != null && allowed(server.path("allowed_tools"), call.name());
    }

    /** The {@code mcp} tool with this server_label, or null. */
    JsonNode mcpServer(String serverLabel) {
        return declared("mcp", "server_label", serverLabel);
    }

    List<JsonNode> mcpServers() {
        List<JsonNode> servers = new ArrayList<>();
        tools.forEach(tool -> {
            if ("mcp".equals(tool.path("type").asText())) {
                servers.add(tool);
            }
        });
        return servers;
    }

    /** {@code require_approval} absent or null means "always", as in the real service; a filter's "never" exempts. */
    static boolean needsApproval(JsonNode server, String tool) {
        JsonNode policy = server.path("require_approval");
        return policy.isObject() ? !names(policy.path("never")).contains(tool) : !"never".equals(policy.asText());
    }

    /** The tool names of an allowed_tools list or filter. */
    static List<String> names(JsonNode listOrFilter) {
        JsonNode names = listOrFilter.isArray() ? listOrFilter : listOrFilter.path("tool_names");
        List<String> result = new ArrayList<>();
        names.forEach(name -> result.add(name.asText()));
        return result;
    }

    private static boolean allowed(JsonNode allowedTools, String tool) {
        boolean unrestricted = allowedTools.isMissingNode() || allowedTools.isNull()
                || (allowedTools.isObject() && !allowedTools.has("tool_names"));
        return unrestricted || names(allowedTools).contains(tool);
    }

    private JsonNode declared(String type, String field, String value) {
        for (JsonNode tool : tools) {
            if (type.equals(tool.path("type").asText()) && value.equals(tool.path(field).asText())) {
                return tool;
            }
        }
        return null;
    }
}
