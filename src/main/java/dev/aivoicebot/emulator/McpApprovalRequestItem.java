package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.emulator.ServerEvents.ItemPayload;
import dev.aivoicebot.emulator.ServerEvents.OutputItemPayload;

/**
 * An MCP call that needs the client's approval first: the {@code mcp_approval_request} item, whole at once. The
 * client answers with an {@code mcp_approval_response} item; the call runs in the next response.
 */
final class McpApprovalRequestItem implements OutputItem {

    private final SessionConnection session;
    private final Conversation conversation;
    private final ToolCalls calls;
    private final ResponseObjects objects;
    private final ScriptedCall call;
    private final String itemId = Ids.item();
    private String responseId;
    private int outputIndex;
    private String previousItemId;
    private ObjectNode item;

    McpApprovalRequestItem(SessionConnection session, Conversation conversation, ToolCalls calls,
            ResponseObjects objects, ScriptedCall call) {
        this.session = session;
        this.conversation = conversation;
        this.calls = calls;
        this.objects = objects;
        this.call = call;
    }

    @Override
    public void open(String responseId, int outputIndex) {
        this.responseId = responseId;
        this.outputIndex = outputIndex;
        previousItemId = conversation.addServiceItem(itemId, false);
        calls.approvalRequested(itemId, call);
        item = objects.mcpApprovalRequest(itemId, call);
        session.send("response.output_item.added", new OutputItemPayload(responseId, outputIndex, item));
        session.send("conversation.item.added", new ItemPayload(previousItemId, item));
    }

    @Override
    public boolean next() {
        return false;
    }

    @Override
    public ObjectNode close(boolean whole) {
        session.send("response.output_item.done", new OutputItemPayload(responseId, outputIndex, item));
        session.send("conversation.item.done", new ItemPayload(previousItemId, item));
        return item;
    }

    @Override
    public String text() {
        return call.arguments();
    }
}
