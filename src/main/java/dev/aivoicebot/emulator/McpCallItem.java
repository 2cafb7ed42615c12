package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.emulator.ServerEvents.McpCallArgumentsDelta;
import dev.aivoicebot.emulator.ServerEvents.McpCallArgumentsDone;
import dev.aivoicebot.emulator.ServerEvents.McpCallProgress;

/**
 * A call the service makes on a remote MCP server within a response: the {@code mcp_call} item, its arguments in
 * deltas, the call in progress for one tick, then completed with the rule's scripted result. No server is contacted.
 */
final class McpCallItem extends ServiceItem {

    private final String approvalRequestId;
    private final ArgumentChunks arguments;
    private boolean argumentsDone;
    private boolean completed;

    /** {@code approvalRequestId}: the request the client approved, null when none was needed. */
    McpCallItem(SessionConnection session, Conversation conversation, ResponseObjects objects, ScriptedCall call,
            String approvalRequestId) {
        super(session, conversation, objects, call);
        this.approvalRequestId = approvalRequestId;
        this.arguments = new ArgumentChunks(call.arguments());
    }

    @Override
    ObjectNode opening() {
        return objects.mcpCall(itemId, call, "", approvalRequestId, null);
    }

    @Override
    public boolean next() {
        if (arguments.remaining()) {
            session.send("response.mcp_call_arguments.delta", new McpCallArgumentsDelta(responseId, itemId,
                    outputIndex, arguments.next()));
            if (!arguments.remaining()) {
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
        return done(objects.mcpCall(itemId, call, text(), approvalRequestId, completed ? call.mcpResult() : null));
    }

    @Override
    public String text() {
        return arguments.sent();
    }

    private void argumentsDone() {
        argumentsDone = true;
        session.send("response.mcp_call_arguments.done", new McpCallArgumentsDone(responseId, itemId, outputIndex,
                text()));
    }
}
