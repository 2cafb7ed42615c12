package dev.aivoicebot.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's scripted tool calls ({@code emulator.tool-calls}): for each trigger, the calls a response makes
 * instead of speaking. Read once at startup by {@link ToolCallRulesParser}; docs/configuration.md has the format.
 */
public final class ToolCallRules {

    static final ToolCallRules NONE = new ToolCallRules(Map.of());

    private final Map<Trigger, List<ScriptedCall>> rules;

    ToolCallRules(Map<Trigger, List<ScriptedCall>> rules) {
        this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /** The calls a trigger makes, none for null or an unknown trigger. */
    List<ScriptedCall> calls(Trigger trigger) {
        return trigger == null ? List.of() : rules.getOrDefault(trigger, List.of());
    }

    /** The tools the rules call on one MCP server, each once. */
    List<String> mcpTools(String serverLabel) {
        return rules.values().stream().flatMap(List::stream)
                .filter(call -> serverLabel.equals(call.serverLabel())).map(ScriptedCall::name).distinct().toList();
    }

    @Override
    public String toString() {
        return rules.toString();
    }
}
