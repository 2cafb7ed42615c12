package dev.aivoicebot.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** EMULATOR_TOOL_CALLS as written in docs/configuration.md, and the values that must stop the service at start. */
class ToolCallRulesParserTest {

    @Test
    void theDocumentedExampleReads() {
        ToolCallRules rules = ToolCallRulesParser.parse("dtmf:3 -> lookup_order({\"order_number\":\"A-3\"}); "
                + "turn:2 -> get_weather({\"city\":\"Paris\"}), get_time({\"zone\":\"Europe/Paris\"}); "
                + "dtmf:5 -> mcp:docs/search({\"q\":\"hours\"}) = \"Open 9 to 5\"");

        assertEquals(List.of(new ScriptedCall(null, "lookup_order", "{\"order_number\":\"A-3\"}", false, null)),
                rules.calls(Trigger.dtmf("3")));
        assertEquals(List.of("get_weather", "get_time"),
                rules.calls(Trigger.turn(2)).stream().map(ScriptedCall::name).toList());
        assertEquals(new ScriptedCall("docs", "search", "{\"q\":\"hours\"}", false, "Open 9 to 5"),
                rules.calls(Trigger.dtmf("5")).get(0));
        assertEquals(List.of("search"), rules.mcpTools("docs"));
        assertEquals(List.of(), rules.calls(Trigger.turn(1)));
        assertEquals(List.of(), rules.calls(null));
    }

    @Test
    void argumentsMayHoldAnyJsonAndAreKeptCompact() {
        ToolCallRules rules = ToolCallRulesParser.parse(
                "dtmf:# -> note( { \"text\" : \"a; b -> c), {d}\", \"n\": [1, {\"x\": \"\\\"\"}] } );");

        assertEquals("{\"text\":\"a; b -> c), {d}\",\"n\":[1,{\"x\":\"\\\"\"}]}",
                rules.calls(Trigger.dtmf("#")).get(0).arguments());
    }

    @Test
    void emptyArgumentsForcedCallsAndMcpDefaults() {
        ToolCallRules rules = ToolCallRulesParser.parse("dtmf:9 -> !no_such_tool(); dtmf:a -> mcp:crm/find()");

        assertEquals(new ScriptedCall(null, "no_such_tool", "{}", true, null), rules.calls(Trigger.dtmf("9")).get(0));
        assertEquals(new ScriptedCall("crm", "find", "{}", false, "ok"), rules.calls(Trigger.dtmf("A")).get(0));
    }

    @Test
    void keyPressesAreReadFromTheTextTheServiceSends() {
        assertEquals(Trigger.dtmf("3"), Trigger.fromUserText("The caller pressed 3"));
        assertEquals(Trigger.dtmf("#"), Trigger.fromUserText("The caller pressed #."));
        assertEquals(null, Trigger.fromUserText("The caller pressed 35"));
        assertEquals(null, Trigger.fromUserText("Greet the caller."));
    }

    @Test
    void malformedRulesAreRefusedWithWhereAndWhy() {
        assertRefused("dtmf:3 lookup()", "expected '->'");
        assertRefused("dtmf:x -> lookup()", "expected a trigger");
        assertRefused("turn:0 -> lookup()", "expected a trigger");
        assertRefused("dtmf:3 -> lookup({\"a\":1)", "unbalanced");
        assertRefused("dtmf:3 -> lookup([1])", "expected '{'");
        assertRefused("dtmf:3 -> lookup({a:1})", "the arguments, a JSON object");
        assertRefused("dtmf:3 -> a(); dtmf:3 -> b()", "a second rule for dtmf:3");
        assertRefused("dtmf:3 -> a(), mcp:docs/search()", "only that call");
        assertRefused("dtmf:3 -> mcp:docs/search() = 42", "expected '\"'");
        assertRefused("dtmf:3 -> lookup() extra", "expected ';' or the end");
        assertRefused("dtmf:3 -> " + "n".repeat(65) + "()", "at most 64");
    }

    private static void assertRefused(String value, String problem) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ToolCallRulesParser.parse(value), value);
        assertTrue(refused.getMessage().contains(problem), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("emulator.tool-calls (EMULATOR_TOOL_CALLS) at character "));
    }
}
