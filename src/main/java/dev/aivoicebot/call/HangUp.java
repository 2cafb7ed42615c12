package dev.aivoicebot.call;

import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.transcript.TranscriptWriter;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How a call's line is put down. After a goodbye the service chose to say ({@code end_call}, the maximum
 * duration, a shutdown) has played, the call is hung up through {@link CallControl} first, because closing the
 * media stream alone leaves the call up when more TwiML follows {@code <Connect>}; the stream closes once that
 * has answered. Every other end (the caller hung up, the stream broke, an apology) closes the stream alone, and so
 * does a goodbye when call control is off or fails, the failure written into the transcript.
 */
final class HangUp {

    private static final Set<CallEndReason> SERVICE_GOODBYES = EnumSet.of(CallEndReason.ASSISTANT_ENDED,
            CallEndReason.MAX_DURATION, CallEndReason.SHUTDOWN, CallEndReason.BUDGET);

    private final CallSid callSid;
    private final CallerLine caller;
    private final CallControl control;
    private final TranscriptWriter transcript;

    HangUp(CallSid callSid, CallerLine caller, CallControl control, TranscriptWriter transcript) {
        this.callSid = callSid;
        this.caller = caller;
        this.control = control;
        this.transcript = transcript;
    }

    /**
     * Puts the line down; the stage completes once the stream is closed (at once unless a hang-up request is made).
     * {@code goodbyePlayed}: the call ends because its goodbye has played (or its time to play is up).
     */
    CompletionStage<Void> putDown(CallEndReason reason, boolean goodbyePlayed, String detail) {
        if (!goodbyePlayed || !SERVICE_GOODBYES.contains(reason) || !control.available()) {
            caller.close(1000, detail);
            return CompletableFuture.completedFuture(null);
        }
        return control.hangUp(callSid).handle((outcome, unexpected) -> {
            if (unexpected != null || outcome.isFailed()) {
                String why = unexpected != null ? unexpected.getClass().getSimpleName() : outcome.failure();
                transcript.system("hang-up failed: " + why + "; closing the media stream instead");
            }
            caller.close(1000, detail);
            return null;
        });
    }
}
