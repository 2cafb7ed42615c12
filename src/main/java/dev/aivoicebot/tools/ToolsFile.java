package dev.aivoicebot.tools;

import java.util.List;

/** TOOLS_FILE as read and validated: its HTTP tools and remote MCP servers. */
record ToolsFile(List<HttpTool> tools, List<McpServer> mcp) {

    static final ToolsFile NONE = new ToolsFile(List.of(), List.of());
}
