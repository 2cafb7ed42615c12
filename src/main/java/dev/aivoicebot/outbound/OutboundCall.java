package dev.aivoicebot.outbound;

import java.util.function.Consumer;

/**
 * One call we placed, as its signed callbacks reported it: its plan, its progress, and the answering-machine
 * result. The call's stream waits for that result through {@link #onAnswer}; the listener runs outside this
 * object's lock, so a call session's monitor and this one are never taken in the opposite order.
 */
public final class OutboundCall {

    private final String callSid;
    private final OutboundPlan plan;
    private final long createdAtNanos;
    private CallProgress progress = CallProgress.QUEUED;
    private AnsweredBy answeredBy;
    private long finishedAtNanos;
    private Consumer<AnsweredBy> listener;

    OutboundCall(String callSid, OutboundPlan plan, long createdAtNanos) {
        this.callSid = callSid;
        this.plan = plan;
        this.createdAtNanos = createdAtNanos;
    }

    public String callSid() {
        return callSid;
    }

    public OutboundPlan plan() {
        return plan;
    }

    public synchronized CallProgress progress() {
        return progress;
    }

    /** Null until Twilio's detection has answered. */
    public synchronized AnsweredBy answeredBy() {
        return answeredBy;
    }

    /** Twilio reported {@code next}; false when it does not move the call on (a late or repeated callback). */
    synchronized boolean progressed(CallProgress next, long nowNanos) {
        if (!progress.movesTo(next)) {
            return false;
        }
        progress = next;
        if (next.isFinal()) {
            finishedAtNanos = nowNanos;
        }
        return true;
    }

    /** Twilio's detection answered: kept, and handed to the stream waiting for it (only the first result counts). */
    void answered(AnsweredBy result) {
        Consumer<AnsweredBy> waiting;
        synchronized (this) {
            if (answeredBy != null) {
                return;
            }
            answeredBy = result;
            waiting = listener;
        }
        if (waiting != null) {
            waiting.accept(result);
        }
    }

    /**
     * {@code listener} gets the detection result once: at once if it is known, else when it arrives. Null stops
     * listening (the call ended).
     */
    public void onAnswer(Consumer<AnsweredBy> newListener) {
        AnsweredBy known;
        synchronized (this) {
            listener = newListener;
            known = answeredBy;
        }
        if (known != null && newListener != null) {
            newListener.accept(known);
        }
    }

    synchronized boolean expired(long nowNanos, long keepFinishedNanos, long keepAnyNanos) {
        return nowNanos - createdAtNanos > keepAnyNanos
                || (progress.isFinal() && nowNanos - finishedAtNanos > keepFinishedNanos);
    }
}
