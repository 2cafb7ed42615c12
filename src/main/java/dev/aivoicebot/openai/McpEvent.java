package dev.aivoicebot.openai;

/**
 * What an OpenAI-run MCP server did in the session: listed its tools, ran one ({@code mcp_call} item), or asks
 * for approval to run one ({@code mcp_approval_request} item). {@code error} is null when it went well.
 */
public record McpEvent(Kind kind, String itemId, String serverLabel, String name, String error) {

    public enum Kind { LIST_TOOLS, CALL, APPROVAL_REQUEST }
}
