package dev.aivoicebot.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.time.Duration;

/** A tool as the runner needs it, whatever declared it: its limit, its compiled parameter schema, how to call it. */
record RegisteredTool(String name, Duration timeout, JsonSchema parameters, Invocation invocation) {

    /** The call itself: an {@link AssistantTool}'s {@code call}, or an HTTP tool's POST. */
    @FunctionalInterface
    interface Invocation {
        String call(JsonNode arguments, CallInfo call) throws Exception;
    }
}
