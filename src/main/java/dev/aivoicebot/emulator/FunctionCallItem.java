package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.emulator.ServerEvents.FunctionCallArgumentsDelta;
import dev.aivoicebot.emulator.ServerEvents.FunctionCallArgumentsDone;

/**
 * A function call in a response: the {@code function_call} item, its arguments in small deltas, then the arguments
 * whole (also when the response is cancelled: then as far as they got, and the item incomplete).
 */
final class FunctionCallItem extends ServiceItem {

    private final ToolCalls calls;
    private final String callId = Ids.call();
    private final ArgumentChunks arguments;

    FunctionCallItem(SessionConnection session, Conversation conversation, ToolCalls calls, ResponseObjects objects,
            ScriptedCall call) {
        super(session, conversation, objects, call);
        this.calls = calls;
        this.arguments = new ArgumentChunks(call.arguments());
    }

    @Override
    ObjectNode opening() {
        calls.called(callId);
        return objects.functionCall(itemId, callId, call.name(), "", "in_progress");
    }

    @Override
    public boolean next() {
        session.send("response.function_call_arguments.delta", new FunctionCallArgumentsDelta(responseId, itemId,
                outputIndex, callId, arguments.next()));
        return arguments.remaining();
    }

    @Override
    public ObjectNode close(boolean whole) {
        String sent = text();
        session.send("response.function_call_arguments.done", new FunctionCallArgumentsDone(responseId, itemId,
                outputIndex, callId, call.name(), sent));
        return done(objects.functionCall(itemId, callId, call.name(), sent, whole ? "completed" : "incomplete"));
    }

    @Override
    public String text() {
        return arguments.sent();
    }
}
