package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tool calls in a session's conversation: the call_ids of its function calls (made by the model, or created by
 * the client replaying a conversation), the MCP approval requests not yet answered, and the answers that arrived
 * since the last response, which the next response reports on.
 */
final class ToolCalls {

    /** What arrived for the next response: function outputs, MCP calls approved, how many were declined. */
    record Answers(List<String> outputs, List<Approved> approved, int declined) {

        boolean none() {
            return outputs.isEmpty() && approved.isEmpty() && declined == 0;
        }
    }

    /** An MCP call the client approved, with the id of the request it answers. */
    record Approved(String approvalRequestId, ScriptedCall call) {
    }

    private final Set<String> callIds = new HashSet<>();
    private final Map<String, ScriptedCall> approvalRequests = new HashMap<>();
    private final List<String> outputs = new ArrayList<>();
    private final List<Approved> approved = new ArrayList<>();
    private int declined;

    void called(String callId) {
        callIds.add(callId);
    }

    void approvalRequested(String requestId, ScriptedCall call) {
        approvalRequests.put(requestId, call);
    }

    /** A client-created item that belongs to a call: checked (throws {@link ClientError}) and kept. */
    void accept(JsonNode item) {
        switch (item.path("type").asText()) {
            case "function_call" -> callIds.add(text(item, "call_id"));
            case "function_call_output" -> {
                String callId = text(item, "call_id");
                String output = text(item, "output");
                if (!callIds.contains(callId)) {
                    throw new ClientError(ClientError.INVALID_REQUEST, "invalid_tool_call_id",
                            "Tool call ID '" + callId + "' not found in conversation.", null);
                }
                outputs.add(output);
            }
            case "mcp_approval_response" -> {
                String requestId = text(item, "approval_request_id");
                JsonNode approve = item.get("approve");
                if (approve == null || !approve.isBoolean()) {
                    throw approve == null ? ClientError.missing("item.approve")
                            : ClientError.invalidType("item.approve", "a boolean", approve);
                }
                ScriptedCall call = approvalRequests.remove(requestId);
                if (call == null) {
                    throw ClientError.invalidValue("No pending MCP approval request with id '" + requestId + "'.",
                            "item.approval_request_id");
                }
                if (approve.asBoolean()) {
                    approved.add(new Approved(requestId, call));
                } else {
                    declined++;
                }
            }
            default -> { }
        }
    }

    /** The answers since the last call of this, forgotten here. */
    Answers takeAnswers() {
        Answers answers = new Answers(List.copyOf(outputs), List.copyOf(approved), declined);
        outputs.clear();
        approved.clear();
        declined = 0;
        return answers;
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            throw ClientError.missing("item." + field);
        }
        if (!value.isTextual()) {
            throw ClientError.invalidType("item." + field, "a string", value);
        }
        return value.asText();
    }
}
