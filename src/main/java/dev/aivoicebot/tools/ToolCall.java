package dev.aivoicebot.tools;

/**
 * One call of a tool by the model: the function name, the Realtime {@code call_id} its output answers, and the
 * arguments as the model sent them (JSON text, not yet parsed or checked).
 */
public record ToolCall(String name, String callId, String arguments, CallInfo call) {
}
