package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.emulator.ServerEvents.FunctionCallArgumentsDelta;
import dev.aivoicebot.emulator.ServerEvents.FunctionCallArgumentsDone;

/**
 * A function call in a response: the {@code function_call} item, its arguments in small deltas, then the arguments
 * whole (also when the response is cancelled: then as far as they got, and the item incomplete).
 */
final class FunctionCallItem extends ServiceItem {

    static final int DELTA_CHARS = 16;

    private final ToolCalls calls;
    private final String callId = Ids.call();
    private int sent;

    FunctionCallItem(SessionConnection session, Conversation conversation, ToolCalls calls, ResponseObjects objects,
            ScriptedCall call) {
        super(session, conversation, objects, call);
        this.calls = calls;
    }

    @Override
    ObjectNode opening() {
        calls.called(callId);
        return objects.functionCall(itemId, callId, call.name(), "", "in_progress");
    }

    @Override
    public boolean next() {
        String arguments = call.arguments();
        int end = Math.min(sent + DELTA_CHARS, arguments.length());
        if (end < arguments.length() && Character.isHighSurrogate(arguments.charAt(end - 1))) {
            end++;
        }
        session.send("response.function_call_arguments.delta", new FunctionCallArgumentsDelta(responseId, itemId,
                outputIndex, callId, arguments.substring(sent, end)));
        sent = end;
        return sent < arguments.length();
    }

    @Override
    public ObjectNode close(boolean whole) {
        String arguments = text();
        session.send("response.function_call_arguments.done", new FunctionCallArgumentsDone(responseId, itemId,
                outputIndex, callId, call.name(), arguments));
        return done(objects.functionCall(itemId, callId, call.name(), arguments, whole ? "completed" : "incomplete"));
    }

    @Override
    public String text() {
        return call.arguments().substring(0, sent);
    }
}
