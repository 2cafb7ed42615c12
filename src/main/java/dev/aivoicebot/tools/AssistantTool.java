package dev.aivoicebot.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/**
 * A tool written in Java. Every CDI bean implementing it ({@code @ApplicationScoped}, say) is declared to the
 * model in each call's session and run by {@link ToolRunner}, next to the HTTP tools of {@code TOOLS_FILE}: teams
 * who extend the service in code add a class, nothing else. {@link CurrentTimeTool} is the example.
 */
public interface AssistantTool {

    /** The function name the model calls: {@code ^[a-zA-Z0-9_-]{1,64}$}, unique among all tools. */
    String name();

    /** What the tool does and when to call it; the model reads it. */
    String description();

    /**
     * JSON Schema of the arguments, {@code "type": "object"}; the arguments are checked against it before
     * {@link #call}. By default the tool takes none.
     */
    default JsonNode parameters() {
        return ParameterSchemas.none();
    }

    /** This tool's time limit, where it needs another than TOOL_TIMEOUT. */
    default Optional<Duration> timeout() {
        return Optional.empty();
    }

    /**
     * Does the work and returns the output for the model (text or JSON text). Runs on a worker thread, so it may
     * block; it is interrupted when its time is up. The arguments already match {@link #parameters()}. An exception
     * becomes an error output that tells the model only that the tool failed; neither the exception's message nor
     * the arguments or output are logged, since they can hold the caller's personal data.
     */
    String call(JsonNode arguments, CallInfo call) throws Exception;
}
