package dev.aivoicebot.call;

import dev.aivoicebot.outbound.AnsweredBy;
import dev.aivoicebot.outbound.OutboundCall;
import dev.aivoicebot.outbound.OutboundMetrics;
import dev.aivoicebot.outbound.VoicemailAction;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.transcript.TranscriptWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A placed call's wait for who answered. With asynchronous detection the stream starts before Twilio knows: until
 * {@code AnsweredBy} arrives, or {@code OUTBOUND_AMD_WAIT} passes, nothing the line hears reaches the model and the
 * greeting is held (a machine's own greeting would otherwise be answered). A person, {@code unknown}, or no result
 * in time: the greeting goes out. A machine or fax: the message is left ({@link CallControl#sayAndHangUp}) or the
 * call hung up, and the call ends for that reason.
 *
 * <p>Its life: HOLDING → GREETING, or HOLDING → MACHINE; NONE for a call we did not place. Used under the call's
 * monitor; the result and the timer come back through {@code decided}, which takes it.
 */
final class AnswerWait {

    /** What a placed call waits with: its record, how long, and what to do on a machine. */
    record Plan(OutboundCall call, Duration amdWait, VoicemailAction action, String message, OutboundMetrics metrics) {
    }

    /** Who answered, as the call acts on it; {@code answeredBy} null when the wait ran out. */
    record Decision(AnsweredBy answeredBy) {

        boolean greets() {
            return answeredBy == null || answeredBy.greets();
        }
    }

    private enum State { NONE, HOLDING, GREETING, MACHINE }

    private final Plan plan;
    private final TranscriptWriter transcript;
    private State state;
    private long timer = -1;

    AnswerWait(Plan plan, TranscriptWriter transcript) {
        this.plan = plan;
        this.transcript = transcript;
        this.state = plan == null ? State.NONE : State.HOLDING;
    }

    /** Starts listening for the result and the wait's timer; {@code decided} gets the first of the two. */
    void start(CallEnvironment env, Consumer<Decision> decided) {
        if (state != State.HOLDING) {
            return;
        }
        timer = env.vertx.setTimer(plan.amdWait().toMillis(), id -> decided.accept(new Decision(null)));
        plan.call().onAnswer(answeredBy -> decided.accept(new Decision(answeredBy)));
    }

    /** Whether the greeting and the line's audio are held back from the model. */
    boolean holding() {
        return state == State.HOLDING || state == State.MACHINE;
    }

    /** A message is being left or the line hung up on a machine: the stream's end is ours, not the caller's. */
    boolean machineAnswered() {
        return state == State.MACHINE;
    }

    CallEndReason machineEndReason() {
        return plan.action() == VoicemailAction.MESSAGE ? CallEndReason.VOICEMAIL : CallEndReason.ANSWERING_MACHINE;
    }

    /**
     * Acts on the first decision (later ones count for nothing): written down; for a machine, the request to the
     * carrier that leaves the message or hangs up. After a person, {@link #greeting()} is true.
     */
    Optional<CompletionStage<CallControl.Outcome>> decide(Decision decision, CallEnvironment env, CallSid callSid) {
        if (state != State.HOLDING) {
            return Optional.empty();
        }
        cancel(env);
        if (decision.greets()) {
            state = State.GREETING;
            transcript.system(decision.answeredBy() == null
                    ? "no answering-machine result within " + plan.amdWait().toMillis() + " ms; greeting"
                    : "answered by " + (decision.answeredBy() == AnsweredBy.HUMAN ? "a person" : "someone unknown")
                            + " (" + decision.answeredBy().twilioName() + "); greeting");
            return Optional.empty();
        }
        state = State.MACHINE;
        plan.metrics().voicemail(plan.action());
        String machine = "answered by a machine (" + decision.answeredBy().twilioName() + ")";
        if (plan.action() == VoicemailAction.MESSAGE) {
            transcript.system(machine + "; leaving a voicemail message");
            return Optional.of(env.control.sayAndHangUp(callSid, plan.message()));
        }
        transcript.system(machine + "; hanging up");
        return Optional.of(env.control.hangUp(callSid));
    }

    /** Whether the wait has just let the greeting go (so the call sends it now). */
    boolean greeting() {
        return state == State.GREETING;
    }

    /** The call ended: no more listening, no timer. */
    void close(CallEnvironment env) {
        cancel(env);
        if (plan != null) {
            plan.call().onAnswer(null);
        }
    }

    private void cancel(CallEnvironment env) {
        if (timer >= 0) {
            env.vertx.cancelTimer(timer);
            timer = -1;
        }
    }
}
