package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.WAIT;
import static dev.aivoicebot.call.CallHarness.assertNoSimulatorProblems;
import static dev.aivoicebot.call.CallHarness.assertSchemaClean;
import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static dev.aivoicebot.call.CallHarness.newSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.emulator.EmulatorSession;
import dev.aivoicebot.emulator.SchemaValidatingInspector;
import dev.aivoicebot.metrics.MetricsScrape;
import dev.aivoicebot.sim.CallRecording.ClosedBy;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.tools.FakeBusinessServer;
import dev.aivoicebot.tools.FakeBusinessServerResource;
import dev.aivoicebot.tools.InjectFakeBusinessServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Tools in whole calls: the simulated caller presses keys, the emulator calls the tool each key is scripted to
 * (EMULATOR_TOOL_CALLS), the service runs it against a business's server on a real socket and hands the output
 * back, and the emulator speaks "The tool said: …". Every client event is checked against OpenAI's schemas.
 */
@QuarkusTest
@TestProfile(CallToolsTest.ScriptedTools.class)
@WithTestResource(FakeBusinessServerResource.class)
class CallToolsTest extends DialingTest {

    public static class ScriptedTools implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("emulator.tool-calls", "dtmf:1 -> biz_order({\"order_number\":\"12345\"}); "
                    + "dtmf:2 -> biz_order({\"order_number\":\"67890\"}), biz_text(); "
                    + "dtmf:3 -> biz_wait(); "
                    + "dtmf:4 -> biz_slow(); dtmf:5 -> biz_order({\"order_number\":\"x\"}); dtmf:6 -> !no_such_tool(); "
                    + "dtmf:7 -> biz_wait(); "
                    + "dtmf:8 -> mcp:crm/find_customer({\"phone\":\"+15550100\"}) = \"Ada Lovelace\"; "
                    + "dtmf:9 -> end_call()",
                    "assistant.tool-filler-after", "300ms",
                    "transcript.tool-details", "true");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmulatorRecorder emulator;

    @Inject
    SchemaValidatingInspector schemas;

    @InjectFakeBusinessServer
    FakeBusinessServer business;

    @Test
    void aKeyPressReachesTheModelItsToolIsCalledAndTheAnswerSpoken() {
        business.forget();
        Call call = dialAndWaitForTheGreeting();

        call.sim.sendDigit('1');

        call.awaitLine(l -> l.contains(" system: tool biz_order: ok in "));
        String spoken = call.awaitLine(l -> l.contains(" assistant: The tool said:"));
        assertTrue(spoken.contains("shipped") && spoken.contains("12345"), spoken);
        assertTrue(call.lines().stream().anyMatch(l -> l.endsWith(" system: caller pressed 1")));
        assertEquals(1, business.received().size());
        FakeBusinessServer.Received request = business.received().get(0);
        assertEquals(List.of(), request.problems(), "signed and shaped as docs/tools.md says");
        assertEquals(call.sim.identity().callSid(), request.json().at("/call/callSid").asText());
        assertEquals("12345", request.json().at("/arguments/order_number").asText());

        List<JsonNode> events = call.clientEvents();
        assertTrue(events.stream().anyMatch(e -> e.at("/item/content/0/text").asText()
                .equals("The caller pressed 1 on the keypad.")), "the key press is a user message");
        int output = indexOf(events, e -> e.at("/item/type").asText().equals("function_call_output"), 0);
        assertTrue(output >= 0 && indexOf(events, e -> e.path("type").asText().equals("response.create"), output) > output,
                "the output, then a response.create");
        call.sim.hangUp();
        assertSchemaClean(schemas, call.session);
        assertNoSimulatorProblems(call.sim);
    }

    @Test
    void twoCallsInOneResponseAreBothAnsweredBeforeOneResponseCreate() {
        Call call = dialAndWaitForTheGreeting();

        call.sim.sendDigit('2');

        call.awaitLine(l -> l.contains(" assistant: The tool said:") && l.contains("67890"));
        List<JsonNode> events = call.clientEvents();
        int first = indexOf(events, e -> e.at("/item/type").asText().equals("function_call_output"), 0);
        int second = indexOf(events, e -> e.at("/item/type").asText().equals("function_call_output"), first + 1);
        assertTrue(first >= 0 && second > first, "both calls answered");
        assertEquals(-1, indexOf(events.subList(0, second), e -> e.path("type").asText().equals("response.create"),
                first), "no response.create between the two outputs");
        assertTrue(indexOf(events, e -> e.path("type").asText().equals("response.create"), second) > second);
        assertTrue(call.lines().stream().anyMatch(l -> l.contains("tool biz_text: ok")));
        call.sim.hangUp();
        assertSchemaClean(schemas, call.session);
    }

    @Test
    void aSlowToolGetsAFillerAndTheCallerMayTalkMeanwhile() {
        List<EmulatorSession> before = emulator.sessions();
        // The greeting takes ~1.2 s; the caller presses 3 then and starts talking at 2 s, while the 2 s tool runs.
        SimulatedCall sim = twilio.placeCall(CallerScript.builder().silence(2_000).speech(800).thenSilenceUntilHangUp());
        Call call = new Call(sim, newSession(emulator, before));
        call.awaitLine(l -> l.contains(" assistant: Hi, how can I help?"));
        sim.sendDigit('3');

        call.awaitLine(l -> l.contains(" system: tool biz_wait: ok in "));
        // The result reaches the conversation and is spoken, whether or not the caller talks over it again.
        call.awaitLine(l -> l.contains(" assistant") && l.contains(": The tool said:") && l.contains("found after a wait"));
        assertTrue(call.clientEvents().stream().anyMatch(e -> e.path("type").asText().equals("response.create")
                && e.at("/response/tool_choice").asText().equals("none")
                && e.at("/response/instructions").asText().contains("One moment, let me check that.")),
                "a filler was asked for while the tool ran");
        assertTrue(call.lines().stream().anyMatch(l -> l.contains(" customer: ")), "the caller was heard meanwhile");
        sim.hangUp();
        assertSchemaClean(schemas, call.session);
        assertNoSimulatorProblems(sim);
    }

    @Test
    void aTimeoutBadArgumentsAndAnUnknownToolAreToldToTheModel() {
        Call call = dialAndWaitForTheGreeting();

        call.sim.sendDigit('4');
        call.awaitLine(l -> l.contains(" system: tool biz_slow: timeout in "));
        call.awaitLine(l -> l.contains(" assistant: The tool said: The tool biz_slow did not answer within 1 second"));
        call.sim.sendDigit('5');
        call.awaitLine(l -> l.contains(" system: tool biz_order: invalid-arguments in "));
        call.awaitLine(l -> l.contains(" assistant: The tool said: The arguments for biz_order do not match"));
        call.sim.sendDigit('6');
        call.awaitLine(l -> l.contains(" system: tool no_such_tool: unknown in "));
        call.awaitLine(l -> l.contains(" assistant: The tool said: There is no tool named"));
        call.sim.hangUp();
        assertSchemaClean(schemas, call.session);
    }

    @Test
    void aResultThatComesAfterTheCallerHungUpIsDropped() {
        Call call = dialAndWaitForTheGreeting();
        call.sim.sendDigit('7');
        await("the tool was called", () -> call.lines().stream().anyMatch(l -> l.contains("caller pressed 7"))
                && call.clientEvents().stream().anyMatch(e -> e.path("type").asText().equals("conversation.item.create")
                        && e.at("/item/content/0/text").asText().contains("pressed 7")));
        sleep(300); // the function call reaches the service, the tool starts
        call.sim.hangUp();

        List<String> transcript = finishedTranscript(call.sim.identity().callSid());
        sleep(FakeBusinessServer.WAIT_MS + 500);
        assertTrue(transcript.get(transcript.size() - 1).contains("call ended: caller hung up"), transcript.toString());
        assertFalse(call.clientEvents().stream().anyMatch(e -> e.at("/item/type").asText().equals("function_call_output")),
                "nothing is sent for a call that has ended");
    }

    @Test
    void endCallEndsTheCallOnceWhatIsPlayingHasPlayed() {
        List<EmulatorSession> before = emulator.sessions();
        SimulatedCall sim = twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());
        Call call = new Call(sim, newSession(emulator, before));
        await("the greeting starts playing", () -> sim.receivedAudioBytes() > 0);
        sim.sendDigit('9'); // the model calls end_call while the greeting still plays

        assertEquals(ClosedBy.SERVICE, sim.awaitClose(WAIT).by());
        List<String> transcript = finishedTranscript(sim.identity().callSid());
        assertTrue(transcript.get(transcript.size() - 1).contains(" system: call ended: assistant ended the call after "),
                transcript.toString());
        String greeting = transcript.stream().filter(l -> l.contains(" assistant: Hi, how can I help?")).findFirst().orElseThrow();
        assertFalse(greeting.contains("(interrupted)"), "the greeting played to its end: " + greeting);
        assertTrue(sim.playedBytes() >= call.session.responses().get(0).audio().length,
                "every byte of the greeting was played before the hang-up");
    }

    @Test
    void mcpApprovalsAndCallsAreAnsweredWrittenDownAndCounted() {
        MetricsScrape metricsBefore = MetricsScrape.now();
        Call call = dialAndWaitForTheGreeting();
        call.awaitLine(l -> l.contains(" system: MCP tools listed"));

        call.sim.sendDigit('8');

        call.awaitLine(l -> l.contains(" system: MCP crm tool find_customer: approved"));
        call.awaitLine(l -> l.contains(" system: MCP crm tool find_customer: ok"));
        assertTrue(call.clientEvents().stream().anyMatch(e -> e.at("/item/type").asText().equals("mcp_approval_response")
                && e.at("/item/approve").asBoolean()));
        assertEquals(1, MetricsScrape.now().delta(metricsBefore, "tool_calls_total", "tool=\"mcp:crm\"",
                "outcome=\"ok\""));
        call.sim.hangUp();
        assertSchemaClean(schemas, call.session);
    }

    @Test
    void aNewSessionAfterADropDeclaresTheToolsAgain() {
        Call call = dialAndWaitForTheGreeting();
        List<EmulatorSession> before = emulator.sessions();
        call.session.close(1011, "test drop");
        EmulatorSession next = newSession(emulator, before);
        await("the new session is configured", () -> !next.clientEvents().isEmpty());

        JsonNode update = parse(next.clientEvents().get(0));
        assertEquals("session.update", update.path("type").asText());
        List<String> names = new ArrayList<>();
        update.at("/session/tools").forEach(tool -> names.add(tool.path("name").asText(tool.path("server_label").asText())));
        assertTrue(names.containsAll(List.of("current_time", "biz_order", "end_call", "crm")), names.toString());
        assertEquals("auto", update.at("/session/tool_choice").asText());
        call.sim.hangUp();
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private Call dialAndWaitForTheGreeting() {
        List<EmulatorSession> before = emulator.sessions();
        SimulatedCall sim = twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());
        Call call = new Call(sim, newSession(emulator, before));
        call.awaitLine(l -> l.contains(" assistant: Hi, how can I help?"));
        return call;
    }

    private record Call(SimulatedCall sim, EmulatorSession session) {

        List<String> lines() {
            return CallHarness.transcriptFile(sim.identity().callSid()).map(CallHarness::read).orElse(List.of());
        }

        String awaitLine(Predicate<String> line) {
            await("a transcript line of " + sim.identity().callSid(), () -> lines().stream().anyMatch(line));
            return lines().stream().filter(line).findFirst().orElseThrow();
        }

        List<JsonNode> clientEvents() {
            return session.clientEvents().stream().map(CallToolsTest::parse).toList();
        }
    }

    private static int indexOf(List<JsonNode> events, Predicate<JsonNode> test, int from) {
        for (int i = Math.max(from, 0); i < events.size(); i++) {
            if (test.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
