package dev.aivoicebot.call;

import dev.aivoicebot.openai.ItemCreate;
import dev.aivoicebot.openai.McpEvent;
import dev.aivoicebot.safety.SafeText;
import dev.aivoicebot.transcript.TranscriptWriter;
import java.util.UUID;

/**
 * What the remote MCP servers OpenAI runs for a call do, as the call sees it: each listing and call written to
 * the transcript and counted, and each approval request answered from TOOLS_FILE's allow-list, after which the
 * assistant goes on. Used under the call's monitor.
 */
final class McpActivity {

    private final CallEnvironment env;
    private final UpstreamLink upstream;
    private final TranscriptWriter transcript;
    private final ToolCalls tools;

    McpActivity(CallEnvironment env, UpstreamLink upstream, TranscriptWriter transcript, ToolCalls tools) {
        this.env = env;
        this.upstream = upstream;
        this.transcript = transcript;
        this.tools = tools;
    }

    /** {@code live}: the call can still answer (it is not ending). */
    void seen(McpEvent event, boolean live) {
        String server = SafeText.of(event.serverLabel());
        String tool = SafeText.of(event.name());
        switch (event.kind()) {
            case LIST_TOOLS -> transcript.system(event.error() == null ? "MCP tools listed"
                    : "MCP tools not listed: " + SafeText.of(event.error()));
            case CALL -> {
                transcript.system("MCP " + server + " tool " + tool + ": "
                        + (event.error() == null ? "ok" : "error " + SafeText.of(event.error())));
                env.toolMetrics.mcpCall(event.serverLabel(), event.error() == null);
            }
            case APPROVAL_REQUEST -> {
                boolean approve = env.toolRegistry.approves(event.serverLabel(), event.name());
                transcript.system("MCP " + server + " tool " + tool + ": " + (approve ? "approved" : "not approved"));
                if (live && upstream.isOpen()) {
                    // A random id (UUID draws from a SecureRandom made at run time, also in the native image).
                    String id = "mcpr_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
                    upstream.send(ItemCreate.mcpApproval(id, event.itemId(), approve));
                    tools.owe();
                }
            }
        }
    }
}
