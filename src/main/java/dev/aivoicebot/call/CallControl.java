package dev.aivoicebot.call;

import dev.aivoicebot.safety.CallSid;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Control of the call itself, on the carrier's side rather than the media stream's: the {@code twilio} package
 * implements it over Twilio's REST API. Off when no credentials are configured.
 */
public interface CallControl {

    /** Whether calls can be controlled (the credentials it needs are configured). */
    boolean available();

    /**
     * Hangs the call up (Twilio: {@code Status=completed}). Never blocks and never completes exceptionally: the
     * stage tells what happened, once the carrier has answered or its time is up.
     */
    CompletionStage<Outcome> hangUp(CallSid callSid);

    /**
     * Replaces the call's instructions with a dial of {@code address} (an E.164 number or a sip: URI from
     * {@link TransferTargets}), ringing for {@code ringFor}, showing {@code callerId} (empty for none). The person
     * who answers first hears the call's {@link Transfers#whisper}; when the dial ends, the carrier asks what
     * next (see {@link Transfers#dialEnded}). Never blocks and never completes exceptionally.
     */
    CompletionStage<Outcome> transfer(CallSid callSid, String address, String callerId, Duration ringFor);

    /**
     * Replaces the call's instructions with {@code <Say>message</Say><Hangup/>} (a message left on an answering
     * machine); the media stream then ends. Never blocks and never completes exceptionally.
     */
    CompletionStage<Outcome> sayAndHangUp(CallSid callSid, String message);

    /** What a control request came to: done (a call that had already ended counts), or why it failed. */
    record Outcome(String failure) {

        public static final Outcome DONE = new Outcome(null);

        public static Outcome failed(String why) {
            return new Outcome(why);
        }

        public boolean isFailed() {
            return failure != null;
        }
    }

    /**
     * Starts recording the call, caller and assistant on their own channels (Twilio: a Recording of the call, its
     * status posted to our recording-status callback). Never blocks and never completes exceptionally: the stage
     * holds the recording's SID, or why it failed.
     */
    CompletionStage<RecordingStart> startRecording(CallSid callSid);

    /**
     * Pauses ({@code paused} true) or resumes the call's recording {@code recordingSid} (the {@code RE…} SID
     * {@link #startRecording} gave). Never blocks and never completes exceptionally.
     */
    CompletionStage<Outcome> pauseRecording(CallSid callSid, String recordingSid, boolean paused);

    /** What starting a recording came to: the recording's SID, or why it failed. */
    record RecordingStart(String recordingSid, String failure) {

        public boolean isFailed() {
            return failure != null;
        }
    }
}
