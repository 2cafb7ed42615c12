package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.emulator.ServerEvents.ItemPayload;
import dev.aivoicebot.emulator.ServerEvents.ItemRef;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the tools of each MCP server a session declares, once, after the {@code session.update} that adds it, as an
 * {@code mcp_list_tools} item. No server is contacted: the list is the tool's {@code allowed_tools}, or else the
 * tools the scripted rules call on that server.
 */
final class McpToolLists {

    private final SessionConnection session;
    private final Conversation conversation;
    private final ToolCallRules rules;
    private final ObjectMapper json;
    private final Set<String> listed = new HashSet<>();

    McpToolLists(SessionConnection session, Conversation conversation, ToolCallRules rules, ObjectMapper json) {
        this.session = session;
        this.conversation = conversation;
        this.rules = rules;
        this.json = json;
    }

    void listNew(SessionTools tools) {
        for (JsonNode server : tools.mcpServers()) {
            String label = server.get("server_label").asText();
            if (listed.add(label)) {
                list(label, server.path("allowed_tools"));
            }
        }
    }

    private void list(String label, JsonNode allowedTools) {
        String itemId = Ids.item();
        ObjectNode item = json.createObjectNode().put("id", itemId).put("type", "mcp_list_tools")
                .put("server_label", label);
        ArrayNode tools = item.putArray("tools");
        String previous = conversation.addServiceItem(itemId, false);
        session.send("conversation.item.added", new ItemPayload(previous, item));
        session.send("mcp_list_tools.in_progress", new ItemRef(itemId));
        List<String> names = allowedTools.isArray() || allowedTools.has("tool_names")
                ? SessionTools.names(allowedTools) : rules.mcpTools(label);
        names.forEach(name -> tools.addObject().put("name", name).putObject("input_schema").put("type", "object"));
        session.send("mcp_list_tools.completed", new ItemRef(itemId));
        session.send("conversation.item.done", new ItemPayload(previous, item));
    }
}
