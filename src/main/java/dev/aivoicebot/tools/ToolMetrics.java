package dev.aivoicebot.tools;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code tool.calls{tool,outcome}} and {@code tool.duration{tool}} ({@code tool_calls_total} and
 * {@code tool_duration_seconds} in Prometheus). The tool tag is a registered name or {@code unknown}, so it is
 * bounded by the configuration, never by what a model invents. Every registered tool's series exist from the
 * start, so dashboards see zeros rather than gaps; the timer publishes buckets for percentiles across replicas.
 */
@Singleton
@Startup
public class ToolMetrics {

    private static final Duration[] BUCKETS = Stream.of(50, 100, 250, 500, 1000, 1500, 2000, 3000, 5000, 8000,
            10_000, 15_000, 30_000).map(Duration::ofMillis).toArray(Duration[]::new);

    private static final String MCP_PREFIX = "mcp:";

    private final MeterRegistry registry;
    private final Set<String> mcpServers;

    ToolMetrics(MeterRegistry registry, ToolRegistry tools) {
        this.registry = registry;
        for (String tool : tools.names()) {
            timer(tool);
            for (ToolOutcome outcome : ToolOutcome.values()) {
                if (outcome != ToolOutcome.UNKNOWN) {
                    counter(tool, outcome);
                }
            }
        }
        timer(ToolResult.UNKNOWN_NAME);
        counter(ToolResult.UNKNOWN_NAME, ToolOutcome.UNKNOWN);
        mcpServers = tools.mcpServers();
        for (String server : mcpServers) {
            counter(MCP_PREFIX + server, ToolOutcome.OK);
            counter(MCP_PREFIX + server, ToolOutcome.ERROR);
        }
    }

    /**
     * Counts a tool call an OpenAI-run MCP server made, tagged {@code tool="mcp:<server label>"} (the labels are
     * configuration; any other is {@code unknown}). Not timed: the session reports no duration for it.
     */
    public void mcpCall(String serverLabel, boolean ok) {
        String tool = serverLabel != null && mcpServers.contains(serverLabel) ? MCP_PREFIX + serverLabel
                : ToolResult.UNKNOWN_NAME;
        counter(tool, ok ? ToolOutcome.OK : ToolOutcome.ERROR).increment();
    }

    /** Counts one finished call and times it, under the result's name. */
    public void record(ToolResult result) {
        counter(result.name(), result.outcome()).increment();
        timer(result.name()).record(result.durationMs(), TimeUnit.MILLISECONDS);
    }

    private Counter counter(String tool, ToolOutcome outcome) {
        return Counter.builder("tool.calls").tag("tool", tool).tag("outcome", outcome.tag())
                .description("Tool calls by tool and outcome").register(registry);
    }

    private Timer timer(String tool) {
        return Timer.builder("tool.duration").tag("tool", tool).description("From the model's call to the tool's output")
                .serviceLevelObjectives(BUCKETS).register(registry);
    }
}
