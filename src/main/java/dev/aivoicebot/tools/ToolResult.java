package dev.aivoicebot.tools;

/**
 * A finished tool call. {@code name} is the tool's registered name, or {@code unknown} for a name the model made
 * up; {@code output} is the {@code function_call_output} for the model: the tool's answer, or on failure a short
 * sentence saying what went wrong, so the assistant can apologize or ask again.
 */
public record ToolResult(String name, ToolOutcome outcome, String output, long durationMs) {

    /** The name metrics and results carry for a tool that is not registered. */
    public static final String UNKNOWN_NAME = "unknown";
}
