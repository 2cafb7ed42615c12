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
            seen.add("done " + responseId + " " + status);
        }

        @Override
        public void usage(TokenUsage usage) {
            seen.add(usage);
        }

        @Override
        public void outOfBandDone(OutOfBandResult result) {
            seen.add(result);
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

    /** A usage block as OpenAI sends it: cached tokens are part of the input counts, split by modality. */
    @Test
    void usageIsReadBeforeTheResponsesEnd() {
        dispatcher.dispatch("""
                {"type":"response.done","event_id":"e","response":{"object":"realtime.response","id":"resp_1",
                 "status":"completed","conversation_id":"conv_1","output":[],
                 "usage":{"total_tokens":821,"input_tokens":789,"output_tokens":32,
                  "input_token_details":{"text_tokens":313,"audio_tokens":476,"cached_tokens":640,
                                         "cached_tokens_details":{"text_tokens":256,"audio_tokens":384}},
                  "output_token_details":{"text_tokens":9,"audio_tokens":23}}}}
                """, handler);
        TokenUsage usage = new TokenUsage(313, 476, 256, 384, 9, 23);
        assertEquals(List.of(usage, "done resp_1 completed"), seen);
        assertEquals(789, usage.inputTokens());
        assertEquals(640, usage.cachedTokens());
        assertEquals(32, usage.outputTokens());
    }

    @Test
    void aResponseWithoutUsageOrWithPartsOfItCountsWhatIsThere() {
        dispatcher.dispatch("""
                {"type":"response.done","response":{"id":"resp_2","status":"cancelled"}}""", handler);
        dispatcher.dispatch("""
                {"type":"response.done","response":{"id":"resp_3","status":"completed",
                 "usage":{"input_tokens":100,"output_tokens":7,"input_token_details":{"cached_tokens":64}}}}""",
                handler);
        assertEquals(List.of("done resp_2 cancelled", new TokenUsage(100, 0, 64, 0, 7, 0), "done resp_3 completed"),
                seen);
    }

    /** Ours carry a purpose: they end apart from the conversation's responses, with their text. */
    @Test
    void anOutOfBandResponseIsReportedApartWithItsText() {
        dispatcher.dispatch("""
                {"type":"response.created","response":{"id":"resp_9","status":"in_progress",
                 "metadata":{"purpose":"summary"},"output":[]}}""", handler);
        dispatcher.dispatch("""
                {"type":"response.done","response":{"id":"resp_9","status":"completed","metadata":{"purpose":"summary"},
                 "output":[{"type":"message","role":"assistant","content":[{"type":"output_text","text":"The caller "},
                                                                         {"type":"output_text","text":"asked."}]}],
                 "usage":{"input_tokens":10,"output_tokens":3,
                          "input_token_details":{"text_tokens":10,"audio_tokens":0,"cached_tokens":0},
                          "output_token_details":{"text_tokens":3,"audio_tokens":0}}}}""", handler);
        assertEquals(List.of(new TokenUsage(10, 0, 0, 0, 3, 0),
                new OutOfBandResult("summary", "completed", "The caller asked.")), seen);
    }
}
