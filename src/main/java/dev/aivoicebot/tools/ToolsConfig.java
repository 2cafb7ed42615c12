package dev.aivoicebot.tools;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** What the assistant can do during a call. Env: TOOLS_FILE, TOOLS_SIGNING_SECRET, TOOL_TIMEOUT, ASSISTANT_TIME_ZONE. */
@ConfigMapping(prefix = "tools")
public interface ToolsConfig {

    /** JSON file declaring HTTP tools and remote MCP servers (docs/tools.md); absent means the built-in tools only. */
    Optional<String> file();

    /** HMAC key of the X-Voice-Bot-Signature on every HTTP tool request; required in production when HTTP tools exist. */
    Optional<String> signingSecret();

    /** How long a tool may take when it names no timeout of its own. */
    @WithDefault("8s")
    Duration timeout();

    /** Time zone of the built-in current_time tool: where the business is. */
    @WithDefault("UTC")
    ZoneId timeZone();
}
