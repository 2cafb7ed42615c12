package dev.aivoicebot.emulator;

/**
 * One call a tool-call rule makes: a function ({@code serverLabel} null) or a tool on an MCP server, with its
 * arguments as a JSON text. {@code evenIfUndeclared} (a function written {@code !name(…)}) is called whatever the
 * session declares, to test how a client handles an unknown tool; {@code mcpResult} is what an MCP tool returns.
 */
record ScriptedCall(String serverLabel, String name, String arguments, boolean evenIfUndeclared, String mcpResult) {

    boolean mcp() {
        return serverLabel != null;
    }

    @Override
    public String toString() {
        return (mcp() ? "mcp:" + serverLabel + "/" : evenIfUndeclared ? "!" : "") + name + "(" + arguments + ")";
    }
}
