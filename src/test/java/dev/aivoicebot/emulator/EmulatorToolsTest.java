package dev.aivoicebot.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Function calling and MCP against the emulator over a real loopback WebSocket, with scripted tool calls: the
 * session declares tools, a key press or the caller's second turn makes the calls, outputs come back and are spoken.
 * Every server event is checked against OpenAI's published schemas, every client event by the emulator's oracle.
 */
@QuarkusTest
@TestProfile(EmulatorToolsTest.ScriptedCalls.class)
class EmulatorToolsTest {

    static final String LONG_NOTE = "n".repeat(400);

    public static class ScriptedCalls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("emulator.tool-calls", "dtmf:3 -> lookup_order({\"order_number\":\"A-3\"}); "
                    + "turn:2 -> get_weather({\"city\":\"Paris\"}), get_time({\"zone\":\"Europe/Paris\"}); "
                    + "dtmf:8 -> lookup_order({\"order_number\":\"A-8\",\"note\":\"" + LONG_NOTE + "\"}); "
                    + "dtmf:9 -> !no_such_tool(); dtmf:4 -> not_declared(); "
                    + "dtmf:5 -> mcp:docs/search({\"q\":\"opening hours\"}) = \"Open 9 to 5, Monday to Friday\"; "
                    + "dtmf:6 -> mcp:crm/delete_contact({\"id\":\"c-1\"}) = \"Deleted\"");
        }
    }

    static final String FUNCTIONS = """
            {"type":"session.update","session":{"type":"realtime","model":"gpt-realtime","instructions":"Be brief.",
             "audio":{"input":{"format":{"type":"audio/pcmu"},"turn_detection":null},
                      "output":{"format":{"type":"audio/pcmu"},"voice":"marin"}},
             "tools":[{"type":"function","name":"lookup_order","description":"Look up an order by its number.",
                       "parameters":{"type":"object","properties":{"order_number":{"type":"string"}},
                                     "required":["order_number"]}},
                      {"type":"function","name":"get_weather",
                       "parameters":{"type":"object","properties":{"city":{"type":"string"}}}},
                      {"type":"function","name":"get_time",
                       "parameters":{"type":"object","properties":{"zone":{"type":"string"}}}}],
             "tool_choice":"auto"}}""";
    static final String SERVER_VAD = """
            {"type":"session.update","session":{"type":"realtime",
             "audio":{"input":{"turn_detection":{"type":"server_vad","silence_duration_ms":500}}}}}""";

    @TestHTTPResource("/emulator/v1/realtime")
    URI endpoint;

    @Inject
    SchemaValidatingInspector inspector;

    RealtimeTestClient client;
    String sessionId;

    @AfterEach
    void checkAndClose() {
        if (client != null) {
            client.assertServerEventsMatchTheSchema();
            assertEquals(List.of(), inspector.violations(sessionId), "client events that break OpenAI's schemas");
            client.close();
        }
    }

    @Test
    void toolsAreValidatedReflectedInSessionUpdatedAndKept() {
        connect();
        JsonNode updated = send(FUNCTIONS, "session.updated");
        assertEquals(List.of("lookup_order", "get_weather", "get_time"), names(updated.at("/session/tools")));
        assertEquals("auto", updated.at("/session/tool_choice").asText());
        assertEquals("string", updated.at("/session/tools/0/parameters/properties/order_number/type").asText());

        client.send("{\"type\":\"session.update\",\"event_id\":\"evt_bad\",\"session\":{\"type\":\"realtime\","
                + "\"tools\":[{\"type\":\"function\",\"name\":\"look up\"}]}}");
        JsonNode refused = client.await("error");
        assertEquals("invalid_request_error", refused.at("/error/type").asText());
        assertEquals("invalid_value", refused.at("/error/code").asText());
        assertEquals("session.tools[0].name", refused.at("/error/param").asText());
        assertEquals("evt_bad", refused.at("/error/event_id").asText());

        JsonNode later = send(SERVER_VAD, "session.updated");
        assertEquals(List.of("lookup_order", "get_weather", "get_time"), names(later.at("/session/tools")));
        assertEquals("server_vad", later.at("/session/audio/input/turn_detection/type").asText());
    }

    @Test
    void aKeyPressMakesAFunctionCallWhoseOutputIsThenSpoken() {
        connect();
        send(FUNCTIONS, "session.updated");
        int from = client.received().size();
        pressKey("3");

        JsonNode done = client.await("response.done");
        assertEquals("completed", done.at("/response/status").asText());
        JsonNode call = done.at("/response/output/0");
        assertEquals(1, done.at("/response/output").size());
        assertEquals("function_call", call.path("type").asText());
        assertEquals("completed", call.path("status").asText());
        assertEquals("lookup_order", call.path("name").asText());
        assertEquals("{\"order_number\":\"A-3\"}", call.path("arguments").asText());
        assertTrue(call.path("call_id").asText().startsWith("call_"));
        assertEquals(List.of("response.created", "response.output_item.added", "conversation.item.added",
                "response.function_call_arguments.delta", "response.function_call_arguments.delta",
                "response.function_call_arguments.done", "response.output_item.done", "conversation.item.done",
                "response.done"), responseEventTypes(from));
        JsonNode added = eventsOf("response.output_item.added").get(0);
        assertEquals("in_progress", added.at("/item/status").asText());
        assertEquals("", added.at("/item/arguments").asText());
        assertEquals(call.path("arguments").asText(), eventsOf("response.function_call_arguments.delta").stream()
                .map(delta -> delta.path("delta").asText()).collect(Collectors.joining()));
        JsonNode argumentsDone = eventsOf("response.function_call_arguments.done").get(0);
        assertEquals(call.path("call_id").asText(), argumentsDone.path("call_id").asText());
        assertEquals("lookup_order", argumentsDone.path("name").asText());
        assertEquals(0, client.audioOf(done.at("/response/id").asText()).length, "a call says nothing");

        client.send(functionCallOutput(call.path("call_id").asText(), "Order A-3 shipped on Monday."));
        JsonNode outputAdded = client.await("conversation.item.added");
        assertEquals("function_call_output", outputAdded.at("/item/type").asText());
        assertEquals(call.path("id").asText(), outputAdded.path("previous_item_id").asText());
        client.await("conversation.item.done");
        client.send("{\"type\":\"response.create\"}");
        JsonNode answer = client.await("response.done");
        assertEquals("The tool said: Order A-3 shipped on Monday.", answer.at("/response/output/0/content/0/transcript")
                .asText());
        assertTrue(client.audioOf(answer.at("/response/id").asText()).length > 0, "the answer is spoken");
    }

    @Test
    void theCallersSecondTurnMakesTwoCallsInOneResponse() throws Exception {
        connect();
        send(FUNCTIONS, "session.updated");
        send(SERVER_VAD, "session.updated");
        client.append(Audio.create().tone(800).silence(700).bytes());
        JsonNode firstTurn = client.await("response.done");
        assertEquals("message", firstTurn.at("/response/output/0/type").asText(), "no rule for the first turn");

        int from = client.received().size();
        client.append(Audio.create().tone(800).silence(700).bytes());
        JsonNode done = client.await("response.done");
        JsonNode output = done.at("/response/output");
        assertEquals(List.of("get_weather", "get_time"), names(output));
        assertEquals("{\"city\":\"Paris\"}", output.at("/0/arguments").asText());
        assertEquals("{\"zone\":\"Europe/Paris\"}", output.at("/1/arguments").asText());
        assertNotEquals(output.at("/0/call_id").asText(), output.at("/1/call_id").asText());
        List<String> types = responseEventTypes(from);
        assertEquals(2, types.stream().filter("response.function_call_arguments.done"::equals).count());
        assertEquals(List.of(0, 1), eventsOf("response.output_item.done").stream()
                .filter(event -> done.at("/response/id").asText().equals(event.path("response_id").asText()))
                .map(event -> event.path("output_index").asInt()).toList());

        client.send(functionCallOutput(output.at("/0/call_id").asText(), "18 degrees and sunny"));
        client.send(functionCallOutput(output.at("/1/call_id").asText(), "14:05"));
        client.send("{\"type\":\"response.create\"}");
        JsonNode answer = client.await("response.done");
        assertEquals("The tool said: 18 degrees and sunny. The tool said: 14:05.",
                answer.at("/response/output/0/content/0/transcript").asText());
    }

    @Test
    void anOutputForAnUnknownCallIdIsRefusedAndAReplayedCallIsKnown() {
        connect();
        send(FUNCTIONS, "session.updated");
        client.send(functionCallOutput("call_unknown", "late").replace("{\"type\":\"conversation.item.create\",",
                "{\"type\":\"conversation.item.create\",\"event_id\":\"evt_out\","));
        JsonNode refused = client.await("error");
        assertEquals("invalid_request_error", refused.at("/error/type").asText());
        assertEquals("invalid_tool_call_id", refused.at("/error/code").asText());
        assertEquals("Tool call ID 'call_unknown' not found in conversation.", refused.at("/error/message").asText());
        assertEquals("evt_out", refused.at("/error/event_id").asText());

        client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call\","
                + "\"call_id\":\"call_restored\",\"name\":\"lookup_order\",\"arguments\":\"{}\"}}");
        client.await("conversation.item.done");
        client.send(functionCallOutput("call_restored", "Order found."));
        assertEquals("call_restored", client.await("conversation.item.added").at("/item/call_id").asText());
        assertFalse(client.types().subList(client.types().indexOf("error") + 1, client.types().size()).contains("error"));
    }

    @Test
    void cancellingDuringACallEndsTheResponseCancelledWithTheCallIncomplete() throws Exception {
        connect();
        send(FUNCTIONS, "session.updated");
        pressKey("8");
        client.await("response.function_call_arguments.delta");
        client.send("{\"type\":\"response.cancel\"}");

        JsonNode argumentsDone = client.await("response.function_call_arguments.done");
        JsonNode done = client.await("response.done");
        assertEquals("cancelled", done.at("/response/status").asText());
        assertEquals("client_cancelled", done.at("/response/status_details/reason").asText());
        JsonNode call = done.at("/response/output/0");
        assertEquals("incomplete", call.path("status").asText());
        assertEquals(argumentsDone.path("arguments").asText(), call.path("arguments").asText());
        assertTrue(call.path("arguments").asText().length() < LONG_NOTE.length(), "cut short");
        assertTrue(client.drain(Duration.ofMillis(200)).isEmpty(), "nothing after response.done");

        client.send("{\"type\":\"response.create\"}");
        JsonNode next = client.await("response.done");
        assertEquals("Be brief.", next.at("/response/output/0/content/0/transcript").asText(),
                "no output was expected for the cancelled call");
    }

    @Test
    void onlyDeclaredToolsAreCalledUnlessTheRuleInsistsAndNoneWithToolChoiceNone() {
        connect();
        send(FUNCTIONS, "session.updated");
        pressKey("4");
        JsonNode undeclared = client.await("response.done");
        assertEquals("message", undeclared.at("/response/output/0/type").asText());
        assertEquals("The caller pressed 4", undeclared.at("/response/output/0/content/0/transcript").asText());

        pressKey("9");
        JsonNode forced = client.await("response.done");
        assertEquals("function_call", forced.at("/response/output/0/type").asText());
        assertEquals("no_such_tool", forced.at("/response/output/0/name").asText());
        assertEquals("{}", forced.at("/response/output/0/arguments").asText());

        send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"tool_choice\":\"none\"}}",
                "session.updated");
        pressKey("3");
        assertEquals("message", client.await("response.done").at("/response/output/0/type").asText());
    }

    @Test
    void anMcpServerIsListedOnceAndACallNeedingNoApprovalRunsAndIsSpokenInOneResponse() {
        connect();
        int from = client.received().size();
        JsonNode updated = send(mcpTools("docs", "\"allowed_tools\":[\"search\"],\"require_approval\":\"never\""),
                "session.updated");
        assertEquals("https://mcp.example.test/docs", updated.at("/session/tools/0/server_url").asText());
        JsonNode listed = client.await("conversation.item.done");
        assertEquals(List.of("session.updated", "conversation.item.added", "mcp_list_tools.in_progress",
                "mcp_list_tools.completed", "conversation.item.done"), client.types().subList(from,
                client.types().size()));
        assertEquals("mcp_list_tools", listed.at("/item/type").asText());
        assertEquals("docs", listed.at("/item/server_label").asText());
        assertEquals(List.of("search"), names(listed.at("/item/tools")));
        assertEquals(listed.at("/item/id").asText(), eventsOf("mcp_list_tools.completed").get(0).path("item_id").asText());
        send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":\"Be brief.\"}}",
                "session.updated");

        int beforeCall = client.received().size();
        pressKey("5");
        JsonNode done = client.await("response.done");
        assertTrue(client.types().subList(beforeCall, client.types().size()).stream()
                .noneMatch(type -> type.startsWith("mcp_list_tools")), "a server is listed once");
        List<String> types = responseEventTypes(beforeCall);
        assertEquals(List.of("response.created", "response.output_item.added", "conversation.item.added",
                "response.mcp_call_arguments.delta", "response.mcp_call_arguments.delta",
                "response.mcp_call_arguments.done", "response.mcp_call.in_progress", "response.mcp_call.completed",
                "response.output_item.done", "conversation.item.done", "response.output_item.added"),
                types.subList(0, 11));
        JsonNode call = done.at("/response/output/0");
        assertEquals("mcp_call", call.path("type").asText());
        assertEquals("search", call.path("name").asText());
        assertEquals("{\"q\":\"opening hours\"}", call.path("arguments").asText());
        assertEquals("Open 9 to 5, Monday to Friday", call.path("output").asText());
        assertTrue(call.path("approval_request_id").isNull());
        assertEquals("The tool said: Open 9 to 5, Monday to Friday.",
                done.at("/response/output/1/content/0/transcript").asText());
    }

    @Test
    void anMcpCallNeedingApprovalWaitsForTheClientsAnswer() {
        connect();
        send(mcpTools("crm", ""), "session.updated");
        assertEquals(List.of("delete_contact"), names(client.await("conversation.item.done").at("/item/tools")));

        pressKey("6");
        JsonNode asked = client.await("response.done");
        JsonNode request = asked.at("/response/output/0");
        assertEquals("completed", asked.at("/response/status").asText());
        assertEquals("mcp_approval_request", request.path("type").asText());
        assertEquals("crm", request.path("server_label").asText());
        assertEquals("delete_contact", request.path("name").asText());
        assertEquals("{\"id\":\"c-1\"}", request.path("arguments").asText());

        client.send(approval("item_wrong", "apr_unknown", true));
        assertEquals("item.approval_request_id", client.await("error").at("/error/param").asText());
        client.send(approval("item_yes", request.path("id").asText(), true));
        assertEquals("mcp_approval_response", client.await("conversation.item.added").at("/item/type").asText());
        client.send("{\"type\":\"response.create\"}");
        JsonNode ran = client.await("response.done");
        JsonNode call = ran.at("/response/output/0");
        assertEquals("mcp_call", call.path("type").asText());
        assertEquals(request.path("id").asText(), call.path("approval_request_id").asText());
        assertEquals("Deleted", call.path("output").asText());
        assertEquals("The tool said: Deleted.", ran.at("/response/output/1/content/0/transcript").asText());

        pressKey("6");
        String second = client.await("response.done").at("/response/output/0/id").asText();
        client.send(approval("item_no", second, false));
        client.await("conversation.item.done");
        client.send("{\"type\":\"response.create\"}");
        JsonNode declined = client.await("response.done");
        assertEquals(1, declined.at("/response/output").size());
        assertEquals("The tool call was not approved.", declined.at("/response/output/0/content/0/transcript").asText());
    }

    private void connect() {
        client = RealtimeTestClient.connect(URI.create(endpoint.toString().replaceFirst("^http", "ws")
                + "?model=gpt-realtime"), Map.of("Authorization", "Bearer sk-test"));
        sessionId = client.await("session.created").at("/session/id").asText();
    }

    private JsonNode send(String event, String answer) {
        client.send(event);
        return client.await(answer);
    }

    /** How the service tells the model about a key press. */
    private void pressKey(String key) {
        client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"The caller pressed " + key + "\"}]}}");
        client.send("{\"type\":\"response.create\"}");
    }

    private static String functionCallOutput(String callId, String output) {
        return "{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\",\"call_id\":\""
                + callId + "\",\"output\":\"" + output + "\"}}";
    }

    private static String approval(String itemId, String requestId, boolean approve) {
        return "{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"mcp_approval_response\",\"id\":\"" + itemId
                + "\",\"approval_request_id\":\"" + requestId + "\",\"approve\":" + approve + "}}";
    }

    private static String mcpTools(String label, String more) {
        return "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":\"Be brief.\","
                + "\"audio\":{\"input\":{\"format\":{\"type\":\"audio/pcmu\"},\"turn_detection\":null},"
                + "\"output\":{\"format\":{\"type\":\"audio/pcmu\"}}},"
                + "\"tools\":[{\"type\":\"mcp\",\"server_label\":\"" + label + "\",\"server_url\":\"https://mcp.example.test/"
                + label + "\",\"headers\":{\"Authorization\":\"Bearer mcp-token\"}"
                + (more.isEmpty() ? "" : "," + more) + "}]}}";
    }

    /** The types of the events from the first response.created after event {@code from} to the last one received. */
    private List<String> responseEventTypes(int from) {
        List<String> types = client.types();
        return types.subList(types.subList(from, types.size()).indexOf("response.created") + from, types.size());
    }

    private List<JsonNode> eventsOf(String type) {
        return client.received().stream().filter(event -> type.equals(event.path("type").asText())).toList();
    }

    private static List<String> names(JsonNode tools) {
        List<String> names = new ArrayList<>();
        tools.forEach(tool -> names.add(tool.path("name").asText()));
        return names;
    }
}
