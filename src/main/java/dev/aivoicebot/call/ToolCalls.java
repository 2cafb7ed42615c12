package dev.aivoicebot.call;

import dev.aivoicebot.openai.FunctionCall;
import dev.aivoicebot.openai.ItemCreate;
import dev.aivoicebot.openai.ResponseCreate;
import dev.aivoicebot.tools.CallInfo;
import dev.aivoicebot.tools.ToolCall;
import dev.aivoicebot.tools.ToolOutcome;
import dev.aivoicebot.tools.ToolResult;
import dev.aivoicebot.transcript.TranscriptWriter;
import java.util.Locale;

/**
 * The tools the model calls during one call. Each runs on a tool thread, never an event loop, while audio goes
 * on both ways. Its output goes back to the model ({@code function_call_output}) as soon as it is there; once
 * every call is answered and no response is in progress or asked for, one {@code response.create} has the
 * assistant speak the results. A tool still running after the filler delay gets a short filler so the caller
 * hears no dead air. Results from a session that has since dropped, or for a call that has ended, are dropped.
 *
 * <p>Used under the call's monitor; results and the filler timer come back through the call, which takes it.
 */
final class ToolCalls {

    /** Where results and timers go back to the call. */
    interface Callbacks {
        void finished(FunctionCall call, int session, ToolResult result);

        void fillerDue(int session);
    }

    private final CallEnvironment env;
    private final AssistantProfile profile;
    private final UpstreamLink upstream;
    private final TranscriptWriter transcript;
    private final CallInfo callInfo;
    private final Callbacks callbacks;
    /** Counts the Realtime sessions of this call: a result belongs to the session its call came from. */
    private int session;
    private int running;
    private boolean answerOwed;
    private boolean responseActive;
    private boolean responseRequested;
    private boolean fillerSaid;
    private long fillerTimer = -1;

    ToolCalls(CallEnvironment env, AssistantProfile profile, UpstreamLink upstream, TranscriptWriter transcript,
            CallInfo callInfo, Callbacks callbacks) {
        this.env = env;
        this.profile = profile;
        this.upstream = upstream;
        this.transcript = transcript;
        this.callInfo = callInfo;
        this.callbacks = callbacks;
    }

    /**
     * Runs the tool the model asked for; its result comes back through {@link Callbacks#finished}. A tool of the
     * registry that the call's profile does not offer is refused as if it did not exist: the model was not given it.
     */
    void start(FunctionCall call) {
        if (env.toolRegistry.isKnown(call.name()) && !profile.offers(call.name())) {
            answer(call, new ToolResult(ToolResult.UNKNOWN_NAME, ToolOutcome.UNKNOWN, "There is no tool named \""
                    + call.name() + "\" in this call; use only the tools you were given.", 0));
            return;
        }
        running++;
        int from = session;
        env.tools.run(new ToolCall(call.name(), call.callId(), call.arguments(), callInfo))
                .whenComplete((result, failure) -> callbacks.finished(call, from,
                        result != null ? result : new ToolResult(ToolResult.UNKNOWN_NAME, ToolOutcome.ERROR,
                                "The tool failed.", 0)));
        long fillerAfter = env.settings.fillerAfter().toMillis();
        if (fillerAfter > 0 && !fillerSaid && fillerTimer < 0) {
            fillerTimer = env.vertx.setTimer(fillerAfter, id -> callbacks.fillerDue(from));
        }
    }

    /** A tool finished; {@code live}: the call can still answer (it is not ending). */
    void finished(FunctionCall call, int from, ToolResult result, boolean live) {
        String line = String.format(Locale.ROOT, "tool %s: %s in %.2f s", call.name(), result.outcome().tag(),
                result.durationMs() / 1000.0);
        if (env.toolDetails) {
            line += "; arguments " + call.arguments() + "; output " + result.output();
        }
        if (from != session || !live) {
            transcript.system(line + " (dropped: " + (live ? "the assistant's session was renewed" : "the call is ending")
                    + ")");
            return;
        }
        running--;
        if (running == 0) {
            cancelFiller();
            fillerSaid = false;
        }
        answer(call, result, line);
    }

    /** Answers a call the call itself handles (not run as a tool), like any tool's output. */
    void answer(FunctionCall call, ToolResult result) {
        String line = String.format(Locale.ROOT, "tool %s: %s", call.name(), result.outcome().tag());
        answer(call, result, env.toolDetails ? line + "; arguments " + call.arguments() + "; output " + result.output()
                : line);
    }

    private void answer(FunctionCall call, ToolResult result, String line) {
        transcript.system(line);
        upstream.send(ItemCreate.functionCallOutput(call.callId(), result.output()));
        answerOwed = true;
        respondIfDue();
    }

    /** Adds a message to the conversation that the assistant should answer. */
    void tell(ItemCreate message) {
        upstream.send(message);
        owe();
    }

    /** Something was added to the conversation (a key press, an approval) that the assistant should answer. */
    void owe() {
        answerOwed = true;
        respondIfDue();
    }

    void fillerDue(int from) {
        fillerTimer = -1;
        if (from == session && running > 0 && !fillerSaid && !responseActive && !responseRequested
                && upstream.isOpen()) {
            fillerSaid = true;
            upstream.send(env.settings.filler());
            responseRequested = true;
        }
    }

    void responseCreated() {
        responseActive = true;
        responseRequested = false;
    }

    /** Our response.create was refused because a response is in progress; its end lets us ask again. */
    void responseRefused() {
        responseRequested = false;
    }

    void responseDone() {
        responseActive = false;
        respondIfDue();
    }

    /** The session dropped: calls it made can no longer be answered in the next one. */
    void sessionLost() {
        session++;
        running = 0;
        answerOwed = false;
        responseActive = false;
        responseRequested = false;
        fillerSaid = false;
        cancelFiller();
    }

    void close() {
        session++;
        cancelFiller();
    }

    private void respondIfDue() {
        if (answerOwed && running == 0 && !responseActive && !responseRequested && upstream.isOpen()) {
            answerOwed = false;
            responseRequested = true;
            upstream.send(ResponseCreate.NEXT);
        }
    }

    private void cancelFiller() {
        if (fillerTimer >= 0) {
            env.vertx.cancelTimer(fillerTimer);
            fillerTimer = -1;
        }
    }

    /**
     * A call the call itself handles and answers later, through {@link Callbacks#finished} with the session returned
     * here: it counts as running, so the response waits for its answer like any tool's.
     */
    int handling() {
        running++;
        return session;
    }
}
