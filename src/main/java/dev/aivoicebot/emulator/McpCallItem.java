package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.emulator.ServerEvents.ItemPayload;
import dev.aivoicebot.emulator.ServerEvents.McpCallArgumentsDelta;
import dev.aivoicebot.emulator.ServerEvents.McpCallArgumentsDone;
import dev.aivoicebot.emulator.ServerEvents.McpCallProgress;
import dev.aivoicebot.emulator.ServerEvents.OutputItemPayload;

/**
 * A call the service makes on a remote MCP server within a response: the {@code mcp_call} item, its arguments in
 * deltas, the call in progress for one tick, then completed with the rule's scripted result. No server is contacted.
 */
final class McpCallItem implements OutputItem {

    private final SessionConnection session;
    private final Conversation conversation;
    private final ResponseObjects objects;
    private final ScriptedCall call;
    private final String approvalRequestId;
    private final String itemId = Ids.item();
    private String responseId;
    private int outputIndex;
    private String previousItemId;
    private int sent;
    private boolean argumentsDone;
    private boolean completed;

    /** {@code approvalRequestId}: the request the client approved, null when none was needed. */
    McpCallItem(SessionConnection session, Conversation conversation, ResponseObjects objects, ScriptedCall call,
            String approvalRequestId) {
        this.session = session;
        this.conversation = conversation;
        this.objects = objects;
        this.call = call;
        this.approvalRequestId = approvalRequestId;
    }

    @Override
    public void open(String responseId, int outputIndex) {
        this.responseId = responseId;
        this.outputIndex = outputIndex;
        previousItemId = conversation.addServiceItem(itemId, false);
        ObjectNode item = objects.mcpCall(itemId, call, "", approvalRequestId, null);
        session.send("response.output_item.added", new OutputItemPayload(responseId, outputIndex, item));
        session.send("conversation.item.added", new ItemPayload(previousItemId, item));
    }

    @Override
    public boolean next() {
        String arguments = call.arguments();
        if (sent < arguments.length()) {
            int end = Math.min(sent + FunctionCallItem.DELTA_CHARS, arguments.length());
            session.send("response.mcp_call_arguments.delta", new McpCallArgumentsDelta(responseId, itemId,
                    outputIndex, arguments.substring(sent, end)));
            sent = end;
            if (sent == arguments.length()) {
                argumentsDone();
                session.send("response.mcp_call.in_progress", new McpCallProgress(outputIndex, itemId));
            }
            return true;
        }
        session.send("response.mcp_call.completed", new McpCallProgress(outputIndex, itemId));
        completed = true;
        return false;
    }

    @Override
    public ObjectNode close(boolean whole) {
        if (!argumentsDone) {
            argumentsDone();
        }
        ObjectNode item = objects.mcpCall(itemId, call, text(), approvalRequestId, completed ? call.mcpResult() : null);
        session.send("response.output_item.done", new OutputItemPayload(responseId, outputIndex, item));
        session.send("conversation.item.done", new ItemPayload(previousItemId, item));
        return item;
    }

    @Override
    public String text() {
        return call.arguments().substring(0, sent);
    }

    private void argumentsDone() {
        argumentsDone = true;
        session.send("response.mcp_call_arguments.done", new McpCallArgumentsDone(responseId, itemId, outputIndex,
                text()));
    }
}
