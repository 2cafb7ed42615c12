package dev.aivoicebot.call;

/**
 * How a call the service ends says goodbye, and why it ends once that has played: the assistant speaks a
 * goodbye (bounded by a grace timer), or, when it cannot, a recorded prompt plays up to its last mark.
 *
 * <p>Used under the call's monitor; {@code endNow} takes that monitor itself.
 */
final class Farewell {

    /** The longest we wait for a goodbye to be spoken and played before hanging up anyway. */
    static final long GOODBYE_GRACE_MS = 10_000;
    private static final String LAST_PROMPT_MARK = "prompt-end";
    /** Time given to a recorded prompt beyond its own length before the call ends anyway. */
    private static final long PROMPT_GRACE_MS = 3_000;

    private final CallerLine caller;
    private final CallEnvironment env;
    private final Runnable endNow;
    private CallEndReason reason;
    private String detail;
    private boolean goodbyeGenerated;
    private boolean promptPlaying;

    Farewell(CallerLine caller, CallEnvironment env, Runnable endNow) {
        this.caller = caller;
        this.env = env;
        this.endNow = endNow;
    }

    /** The assistant has been asked for a goodbye; the call ends when it has played, or after the grace. */
    void byAssistant(CallEndReason why, String whyDetail) {
        reason = why;
        detail = whyDetail;
        env.vertx.setTimer(GOODBYE_GRACE_MS, id -> endNow.run());
    }

    /** Plays a recorded prompt (after dropping what was still buffered, if {@code clearFirst}) and ends after it. */
    void byPrompt(AudioPrompts.Prompt prompt, CallEndReason why, String whyDetail, boolean clearFirst) {
        reason = why;
        detail = whyDetail;
        promptPlaying = true;
        if (clearFirst) {
            caller.clear();
        }
        prompt.payloads().forEach(caller::sendAudio);
        caller.sendMark(LAST_PROMPT_MARK);
        env.vertx.setTimer(prompt.durationMs() + PROMPT_GRACE_MS, id -> endNow.run());
    }

    /** The assistant's goodbye response is complete; it ends the call once it has played. */
    void goodbyeGenerated() {
        if (reason != null && !promptPlaying) {
            goodbyeGenerated = true;
        }
    }

    boolean goodbyeIsGenerated() {
        return goodbyeGenerated;
    }

    /** The assistant was to say goodbye but its session is gone before it did: the recorded one must play. */
    boolean assistantCannotFinish() {
        return !goodbyeGenerated && !promptPlaying;
    }

    boolean isPromptEnd(String markName) {
        return promptPlaying && LAST_PROMPT_MARK.equals(markName);
    }

    /** Why the call ends; {@link CallEndReason#ERROR} if no goodbye was begun. */
    CallEndReason reason() {
        return reason == null ? CallEndReason.ERROR : reason;
    }

    String detail() {
        return detail;
    }
}
