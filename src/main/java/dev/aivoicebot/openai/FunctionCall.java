package dev.aivoicebot.openai;

/**
 * A whole {@code function_call} item of a response ({@code response.output_item.done}, status
 * {@code completed}): the model asks for tool {@code name}; {@code arguments} is the JSON text it wrote.
 */
public record FunctionCall(String responseId, String callId, String name, String arguments) {
}
