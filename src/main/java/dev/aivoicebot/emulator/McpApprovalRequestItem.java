package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An MCP call that needs the client's approval first: the {@code mcp_approval_request} item, whole at once. The
 * client answers with an {@code mcp_approval_response} item; the call runs in the next response.
 */
final class McpApprovalRequestItem extends ServiceItem {

    private final ToolCalls calls;
    private ObjectNode item;

    McpApprovalRequestItem(SessionConnection session, Conversation conversation, ToolCalls calls,
            ResponseObjects objects, ScriptedCall call) {
        super(session, conversation, objects, call);
        this.calls = calls;
    }

    @Override
    ObjectNode opening() {
        calls.approvalRequested(itemId, call);
        item = objects.mcpApprovalRequest(itemId, call);
        return item;
    }

    @Override
    public boolean next() {
        return false;
    }

    @Override
    public ObjectNode close(boolean whole) {
        return done(item);
    }

    @Override
    public String text() {
        return call.arguments();
    }
}
