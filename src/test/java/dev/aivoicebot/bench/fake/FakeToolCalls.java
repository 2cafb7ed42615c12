package dev.aivoicebot.bench.fake;

import java.util.HashMap;
import java.util.Map;

/**
 * The function calls one fake session made that still await their {@code function_call_output}, and whether
 * outputs arrived that no response has answered yet. Counted in {@link FakeStats} so the report can show that
 * every call was answered. On the session's event loop only.
 */
final class FakeToolCalls {

    private final FakeStats stats;
    /** call_id → {@code System.nanoTime()} when the call was sent. */
    private final Map<String, Long> awaiting = new HashMap<>();
    private boolean outputsToAnswer;

    FakeToolCalls(FakeStats stats) {
        this.stats = stats;
    }

    /** A new call: its call_id. */
    String call() {
        String callId = Ids.of("call");
        awaiting.put(callId, System.nanoTime());
        stats.count("function_calls");
        stats.count("function_calls_awaiting_output", 1);
        return callId;
    }

    /** A {@code function_call_output} item arrived. */
    void output(String callId) {
        Long calledAt = callId == null ? null : awaiting.remove(callId);
        if (calledAt == null) {
            stats.count("function_call_outputs_unknown");
            return;
        }
        stats.count("function_call_outputs");
        stats.count("function_calls_awaiting_output", -1);
        stats.toolOutputMicros.recordValue(FakeStats.micros(System.nanoTime() - calledAt));
        outputsToAnswer = true;
    }

    /**
     * A {@code response.create} came: true when outputs arrived since the last one, so this response is the
     * first to have them in its conversation and answers them.
     */
    boolean answerRequested() {
        if (!outputsToAnswer) {
            return false;
        }
        outputsToAnswer = false;
        stats.count("tool_answers");
        return true;
    }

    /**
     * The session closed: calls still awaiting an output never get one. Their age tells a call that was still
     * running (no older than the slowest answered one) from one the client never answered.
     */
    void close() {
        if (!awaiting.isEmpty()) {
            long now = System.nanoTime();
            awaiting.values().forEach(calledAt -> stats.abandonedAgeMicros.recordValue(FakeStats.micros(now - calledAt)));
            stats.count("function_calls_abandoned", awaiting.size());
            stats.count("function_calls_awaiting_output", -awaiting.size());
            awaiting.clear();
        }
    }
}
