package dev.aivoicebot.call;

import dev.aivoicebot.openai.FunctionCall;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.tools.ToolOutcome;
import dev.aivoicebot.tools.ToolResult;
import dev.aivoicebot.transcript.TranscriptWriter;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * One call's recording. A recorded call's caller has heard the notice before the stream started (the TwiML's
 * {@code <Say>}); once the stream is live, the recording is started through {@link CallControl} and its SID written
 * into the transcript. The caller's pause key and the model's {@code pause_recording} / {@code resume_recording}
 * pause and resume it. Whatever Twilio answers, the call goes on: a failure is written down (and, for a tool, told
 * to the model as a tool error).
 *
 * <p>Its life: OFF (not recorded), or STARTING → RECORDING ⇄ PAUSED, or STARTING → FAILED. One change at a time:
 * a key or tool while a request is on its way is refused. Used under the call's monitor; Twilio's answers come back
 * through {@code monitor}, which takes it.
 */
final class Recording {

    static final String PAUSE_TOOL = "pause_recording";
    static final String RESUME_TOOL = "resume_recording";

    private enum State { OFF, STARTING, RECORDING, PAUSED, FAILED }

    private final CallSid callSid;
    private final CallEnvironment env;
    private final ToolCalls tools;
    private final ToolCalls.Callbacks toolResults;
    private final TranscriptWriter transcript;
    private final Executor monitor;
    private State state;
    private String recordingSid;
    private boolean changing;
    private boolean ended;

    Recording(CallSid callSid, boolean recorded, CallEnvironment env, ToolCalls tools, ToolCalls.Callbacks toolResults,
            TranscriptWriter transcript, Executor monitor) {
        this.callSid = callSid;
        this.state = recorded ? State.STARTING : State.OFF;
        this.env = env;
        this.tools = tools;
        this.toolResults = toolResults;
        this.transcript = transcript;
        this.monitor = monitor;
    }

    /** The call is live: a recorded call's recording is asked for (the caller has heard the notice). */
    void start() {
        if (state != State.STARTING) {
            return;
        }
        env.control.startRecording(callSid).whenComplete((start, unexpected) -> monitor.execute(() -> started(
                start != null ? start : new CallControl.RecordingStart(null, unexpected.getClass().getSimpleName()))));
    }

    private void started(CallControl.RecordingStart start) {
        env.recordingMetrics.count(start.isFailed() ? RecordingMetrics.Outcome.START_FAILED
                : RecordingMetrics.Outcome.STARTED);
        if (ended) {
            return; // the transcript is closed; TwilioCallControl has logged the outcome
        }
        if (start.isFailed()) {
            state = State.FAILED;
            transcript.system("recording failed: " + start.failure());
            return;
        }
        state = State.RECORDING;
        recordingSid = start.recordingSid();
        transcript.system("recording started (" + recordingSid + ")");
    }

    /** The recording's SID once Twilio started it; null otherwise. */
    String recordingSid() {
        return recordingSid;
    }

    /** A key press: true when it is the pause key of a recorded call (then it is not the assistant's). */
    boolean keyPressed(String digit) {
        Optional<String> key = env.recording.pauseKey();
        if (state == State.OFF || key.isEmpty() || !key.get().equals(digit)) {
            return false;
        }
        String refused = refusal();
        if (refused != null) {
            transcript.system("recording key " + digit + " ignored: " + refused);
        } else {
            change(state == State.RECORDING, "by the caller's " + digit + " key", null);
        }
        return true;
    }

    /** Whether {@code call} is one of the recording tools (offered only when this call is recorded). */
    boolean handles(FunctionCall call) {
        return (PAUSE_TOOL.equals(call.name()) || RESUME_TOOL.equals(call.name())) && state != State.OFF;
    }

    /** The model asked to pause or resume: answered now when there is nothing to do, else once Twilio has answered. */
    void toolCalled(FunctionCall call) {
        boolean pause = PAUSE_TOOL.equals(call.name());
        if ((pause && state == State.PAUSED) || (!pause && state == State.RECORDING)) {
            tools.answer(call, result(call, ToolOutcome.OK, pause ? "The recording is already paused."
                    : "The recording is already running."));
            return;
        }
        String refused = refusal();
        if (refused != null) {
            tools.answer(call, result(call, ToolOutcome.ERROR, "The recording cannot be " + (pause ? "paused" : "resumed")
                    + ": " + refused + "."));
            return;
        }
        change(pause, "by the assistant", call);
    }

    /** Twilio's status callback for this call: written down while the call lasts. */
    void statusReported(RecordingStatus status) {
        if (!ended) {
            transcript.system(status.describe() + " (status callback)");
        }
    }

    void close() {
        ended = true;
    }

    /** Why the recording cannot be paused or resumed now; null when it can. */
    private String refusal() {
        if (changing) {
            return "a change of the recording is already on its way";
        }
        return switch (state) {
            case OFF -> "this call is not recorded";
            case STARTING -> "the recording has not started yet";
            case FAILED -> "the recording could not be started";
            case RECORDING, PAUSED -> null;
        };
    }

    private void change(boolean pause, String by, FunctionCall call) {
        changing = true;
        long startedAt = System.nanoTime();
        int session = call == null ? -1 : tools.handling();
        env.control.pauseRecording(callSid, recordingSid, pause).whenComplete((outcome, unexpected) -> {
            CallControl.Outcome answer = outcome != null ? outcome
                    : CallControl.Outcome.failed(unexpected.getClass().getSimpleName());
            monitor.execute(() -> changed(pause, by, call, session, answer,
                    (System.nanoTime() - startedAt) / 1_000_000));
        });
    }

    private void changed(boolean pause, String by, FunctionCall call, int session, CallControl.Outcome outcome,
            long durationMs) {
        changing = false;
        String verb = pause ? "pause" : "resume";
        env.recordingMetrics.count(outcome.isFailed() ? RecordingMetrics.Outcome.UPDATE_FAILED
                : pause ? RecordingMetrics.Outcome.PAUSED : RecordingMetrics.Outcome.RESUMED);
        if (!outcome.isFailed()) {
            state = pause ? State.PAUSED : State.RECORDING;
        }
        if (!ended) {
            transcript.system(outcome.isFailed() ? "recording " + verb + " " + by + " failed: " + outcome.failure()
                    : "recording " + (pause ? "paused " : "resumed ") + by);
        }
        if (call != null) {
            toolResults.finished(call, session, outcome.isFailed()
                    ? result(call, ToolOutcome.ERROR, "The recording could not be " + verb + "d: " + outcome.failure()
                            + ". Tell the caller.", durationMs)
                    : result(call, ToolOutcome.OK, pause ? "The recording is paused. Tell the caller in one short "
                            + "sentence that nothing is recorded until it is resumed."
                            : "The recording is running again. Tell the caller in one short sentence.", durationMs));
        }
    }

    private static ToolResult result(FunctionCall call, ToolOutcome outcome, String output) {
        return result(call, outcome, output, 0);
    }

    private static ToolResult result(FunctionCall call, ToolOutcome outcome, String output, long durationMs) {
        return new ToolResult(call.name(), outcome, output, durationMs);
    }
}
