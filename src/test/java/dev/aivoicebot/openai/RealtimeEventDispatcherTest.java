package dev.aivoicebot.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.metrics.CallMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tool events a call acts on, read from server events shaped as the GA reference shows them. */
class RealtimeEventDispatcherTest {

    private final RealtimeEventDispatcher dispatcher = new RealtimeEventDispatcher(new ObjectMapper(),
            new CallMetrics(new SimpleMeterRegistry()).outbound());
    private final List<Object> seen = new ArrayList<>();
    private final RealtimeEventHandler handler = new RealtimeEventHandler() {
        @Override
        public void sessionUpdated() {
        }

        @Override
        public void speechStarted(String itemId) {
        }

        @Override
        public void speechStopped(String itemId) {
        }

        @Override
        public void inputTranscriptionCompleted(String itemId, String transcript) {
        }

        @Override
        public void responseCreated(String responseId) {
        }

        @Override
        public void outputAudioDelta(String responseId, String itemId, String delta) {
        }

        @Override
        public void outputAudioTranscriptDone(String responseId, String itemId, String transcript) {
        }

        @Override
        public void responseDone(String responseId, String status) {
        }

        @Override
        public void functionCall(FunctionCall call) {
            seen.add(call);
        }

        @Override
        public void mcp(McpEvent event) {
            seen.add(event);
        }

        @Override
        public void error(RealtimeError error) {
        }

        @Override
        public void upstreamClosed(int code, String reason) {
        }
    };

    @Test
    void aWholeFunctionCallIsHandedOnWithItsArgumentsAsText() {
        dispatcher.dispatch("""
                {"type":"response.output_item.done","event_id":"e1","response_id":"resp_1","output_index":1,
                 "item":{"id":"item_2","object":"realtime.item","type":"function_call","status":"completed",
                         "call_id":"call_7","name":"get_order_status","arguments":"{\\"order_number\\":\\"42\\"}"}}
                """, handler);
        assertEquals(List.of(new FunctionCall("resp_1", "call_7", "get_order_status", "{\"order_number\":\"42\"}")),
                seen);
    }

    @Test
    void aCallTheServerDroppedGetsNothing() {
        dispatcher.dispatch("""
                {"type":"response.output_item.done","response_id":"resp_1","output_index":0,
                 "item":{"id":"item_2","type":"function_call","status":"incomplete","call_id":"call_7",
                         "name":"get_order_status","arguments":"{\\"order"}}
                """, handler);
        dispatcher.dispatch("""
                {"type":"response.function_call_arguments.done","response_id":"resp_1","item_id":"item_2",
                 "output_index":0,"call_id":"call_7","name":"get_order_status","arguments":"{}"}
                """, handler);
        assertEquals(List.of(), seen, "only a completed item is run, once");
    }

    @Test
    void mcpItemsAndListings() {
        dispatcher.dispatch("""
                {"type":"mcp_list_tools.completed","event_id":"e","item_id":"mcpl_1"}""", handler);
        dispatcher.dispatch("""
                {"type":"response.output_item.done","response_id":"r","output_index":0,
                 "item":{"type":"mcp_call","id":"mcp_1","server_label":"crm","name":"find_customer",
                         "arguments":"{}","output":null,"error":{"type":"tool_execution_error","message":"boom"}}}
                """, handler);
        dispatcher.dispatch("""
                {"type":"response.output_item.done","response_id":"r","output_index":1,
                 "item":{"type":"mcp_approval_request","id":"mcpr_9","server_label":"crm","name":"find_customer",
                         "arguments":"{}"}}
                """, handler);
        assertEquals(List.of(new McpEvent(McpEvent.Kind.LIST_TOOLS, "mcpl_1", null, null, null),
                new McpEvent(McpEvent.Kind.CALL, "mcp_1", "crm", "find_customer", "boom"),
                new McpEvent(McpEvent.Kind.APPROVAL_REQUEST, "mcpr_9", "crm", "find_customer", null)), seen);
    }
}
