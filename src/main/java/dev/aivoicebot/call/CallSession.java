package dev.aivoicebot.call;

import dev.aivoicebot.metrics.CallMeter;
import dev.aivoicebot.openai.FunctionCall;
import dev.aivoicebot.openai.ItemCreate;
import dev.aivoicebot.openai.ItemTruncate;
import dev.aivoicebot.openai.McpEvent;
import dev.aivoicebot.openai.OutOfBandResult;
import dev.aivoicebot.openai.RealtimeConnection;
import dev.aivoicebot.openai.RealtimeError;
import dev.aivoicebot.openai.RealtimeEventHandler;
import dev.aivoicebot.openai.ResponseCreate;
import dev.aivoicebot.openai.SessionUpdate;
import dev.aivoicebot.openai.TokenUsage;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.safety.SafeText;
import dev.aivoicebot.tools.CallInfo;
import dev.aivoicebot.tools.ToolResult;
import dev.aivoicebot.transcript.CallDetails;
import dev.aivoicebot.transcript.TranscriptWriter;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * One phone call: the caller's line on one side, the OpenAI Realtime session on the other. It routes events
 * between the owners of each concern: {@link UpstreamLink} (the session, its retries, the audio kept meanwhile),
 * {@link PlaybackTracker} (what was sent and played; barge-in), {@link HeardText} (the transcript and history),
 * {@link ToolCalls} and {@link McpActivity} (the tools the model calls), {@link Transfer} (the hand-over to a
 * person), {@link Recording} (the call's recording), {@link Farewell} (how the call says goodbye) and
 * {@link HangUp} (how its line is put down), {@link CallCost} (tokens, cost, budget) and {@link SummaryStep} (the
 * summary asked for once the call has ended); a call we placed first waits for who answered ({@link AnswerWait}).
 *
 * <p>Its life: CONNECTING (caller audio kept) → LIVE (relaying) ⇄ RECONNECTING (the session dropped:
 * bounded retries, the conversation so far replayed into the new session) → ENDING (a goodbye or apology is
 * playing) → ENDED (the caller's line closed; the Realtime session kept only for the summary, at most
 * SUMMARY_TIMEOUT; then the transcript closes and {@link #report()} completes, once).
 *
 * <p>Twilio messages arrive on the stream's event loop and OpenAI events on the client connection's, so
 * every entry point holds this call's own monitor (never shared across calls, uncontended in the usual
 * case). Nothing here blocks: sends are asynchronous and transcript lines are queued to their own thread.
 */
public final class CallSession implements RealtimeEventHandler {

    private static final Logger LOG = Logger.getLogger(CallSession.class);
    /** The built-in tool the model calls when the caller is done. */
    static final String END_CALL = "end_call";
    static final int MAX_RECONNECTS = UpstreamLink.MAX_RECONNECTS;
    static final long GOODBYE_GRACE_MS = Farewell.GOODBYE_GRACE_MS;

    private enum State { CONNECTING, LIVE, RECONNECTING, ENDING, ENDED }

    private final CallSid callSid;
    private final CallerLine caller;
    private final TranscriptWriter transcript;
    private final CallEnvironment env;
    private final CallMeter meter;
    private final PlaybackTracker playback = new PlaybackTracker();
    private final HeardText heard;
    private final UpstreamLink upstream;
    private final Farewell farewell;
    private final ToolCalls tools;
    private final HangUp hangUp;
    private final McpActivity mcp;
    private final Transfer transfer;
    private final Recording recording;
    private final ResponseCreate greeting;
    private final SessionUpdate session;
    private final AnswerWait answering;
    private final CallInfo callInfo;
    /** Who answers (the profile's name) and which way the call goes, for the call's record. */
    private final String profileName;
    private final boolean placed;
    private final CallCost cost;
    private final SummaryStep summary;
    private final CompletableFuture<CallReport> report = new CompletableFuture<>();
    private final long startedAtNanos = System.nanoTime();

    private State state = State.CONNECTING;
    private long maxDurationTimer = -1;
    private boolean budgetReached;

    CallSession(CallSid callSid, CallerLine caller, TranscriptWriter transcript, CallEnvironment env,
            CallMeter meter, CallInfo callInfo, Opening opening) {
        AssistantProfile profile = opening.profile();
        this.callSid = callSid;
        this.caller = caller;
        this.transcript = transcript;
        this.env = env;
        this.meter = meter;
        this.heard = new HeardText(transcript, opening.history());
        this.greeting = opening.greeting();
        this.session = profile.sessionUpdate();
        this.answering = new AnswerWait(opening.answering(), transcript);
        this.callInfo = callInfo;
        this.profileName = profile.name();
        this.placed = opening.answering() != null;
        this.cost = new CallCost(env.prices, env.usageMetrics, env.limits.maxCostUsd());
        this.summary = new SummaryStep(env.summaries, env.vertx);
        this.upstream = new UpstreamLink(env, meter, this, new UpstreamLink.Callbacks(
                this::upstreamOpened, this::upstreamFailed, this::sessionNotReady, this::retryDue));
        this.farewell = new Farewell(caller, env, this::endNow);
        this.hangUp = new HangUp(callSid, caller, env.control, transcript);
        ToolCalls.Callbacks toolCallbacks = new ToolCalls.Callbacks() {
            @Override
            public void finished(FunctionCall call, int session, ToolResult result) {
                toolFinished(call, session, result);
            }

            @Override
            public void fillerDue(int session) {
                toolFillerDue(session);
            }
        };
        this.tools = new ToolCalls(env, profile, upstream, transcript, callInfo, toolCallbacks);
        this.mcp = new McpActivity(env, upstream, transcript, tools);
        this.transfer = new Transfer(callSid, callInfo.to(), profile.transferTargets(), env, tools, transcript,
                this::transferDue);
        this.recording = new Recording(callSid, profile.recorded(), env, tools, toolCallbacks,
                transcript, this::underMonitor);
    }

    public CallSid callSid() {
        return callSid;
    }

    /**
     * The call's report (summary, outcome, usage, cost), completed once it has ended and its summary step is over,
     * just before the transcript's last line. The one place stores and webhooks take a call's results from.
     */
    public CompletionStage<CallReport> report() {
        return report;
    }

    synchronized void begin() {
        maxDurationTimer = env.vertx.setTimer(env.limits.maxDuration().toMillis(),
                id -> endWithGoodbye(CallEndReason.MAX_DURATION, "maximum call duration reached"));
        upstream.connect();
        recording.start();
        answering.start(env, this::answerDecided);
    }

    // ---- Caller side -------------------------------------------------------------------------------

    /**
     * A caller {@code media} frame of {@code audioBytes} μ-law bytes: relayed as is when live, kept (bounded)
     * while a session opens; false when dropped because the call is ending.
     */
    public synchronized boolean callerAudio(String base64Payload, int audioBytes) {
        if (state == State.ENDING || state == State.ENDED) {
            return false; // the call is being closed: what the caller says now can no longer be answered
        }
        if (answering.holding()) {
            meter.callerAudio(audioBytes);
            return true; // perhaps an answering machine's greeting: the model must not answer it
        }
        upstream.callerAudio(base64Payload);
        meter.callerAudio(audioBytes);
        return true;
    }

    /** The caller's side echoed one of our marks. */
    public synchronized void markEchoed(String name) {
        if (state == State.ENDING && farewell.isPromptEnd(name)) {
            endNow();
            return;
        }
        playback.markEchoed(name, nowMs());
        if (!playback.hasUnplayedAudio()) {
            heard.allPlayed();
            if (state == State.ENDING && farewell.goodbyeIsGenerated()) {
                endNow();
                return;
            }
            dialIfDue();
        }
    }

    /**
     * A key press: written down, and told to the assistant (DTMF_TO_ASSISTANT), which answers it; the recording's
     * pause key pauses or resumes the recording instead.
     */
    public synchronized void dtmf(String digit) {
        transcript.system("caller pressed " + digit);
        if (recording.keyPressed(digit)) {
            return;
        }
        if (env.settings.dtmfToAssistant() && state == State.LIVE) {
            upstream.send(ItemCreate.user("The caller pressed " + digit + " on the keypad."));
            tools.owe();
        }
    }

    // ---- The OpenAI session ------------------------------------------------------------------------

    private synchronized void retryDue() {
        if (state == State.RECONNECTING) {
            upstream.connect();
        }
    }

    private synchronized void upstreamOpened(RealtimeConnection connection) {
        if (state == State.ENDED || state == State.ENDING) {
            connection.close();
            return;
        }
        upstream.attach(connection, session, heard.history(),
                heard.needsGreeting() && !answering.holding() ? greeting : null);
        state = State.LIVE;
    }

    private synchronized void upstreamFailed(Throwable failure) {
        if (state == State.ENDED) {
            return; // the caller is gone: nothing failed that anyone waits for
        }
        meter.connectFailed();
        upstreamLost(SafeText.of(failure.getMessage()));
    }

    @Override
    public synchronized void sessionUpdated() {
        if (state == State.ENDED) {
            return; // from here on the session only answers the summary
        }
        upstream.sessionReady();
    }

    private synchronized void sessionNotReady() {
        if (state == State.LIVE && upstream.isOpen()) {
            meter.upstreamError("session_not_ready");
            upstream.closeSession();
            upstreamLost("no session.updated within " + env.openAi.connectTimeout().toSeconds() + " s");
        }
    }

    @Override
    public void upstreamClosed(int code, String reason) {
        summary.sessionClosed();
        upstreamLost("assistant connection closed (" + code + ")");
    }

    /** The session is gone without a fatal error: retry with backoff, or apologize once retries run out. */
    private synchronized void upstreamLost(String why) {
        if (state == State.ENDED) {
            return;
        }
        upstream.detach();
        if (state == State.ENDING) {
            if (farewell.assistantCannotFinish()) {
                playPromptAndEnd(env.prompts.goodbye(), farewell.reason(), farewell.detail());
            }
            return; // otherwise what was said plays out; its last mark (or the grace timer) ends the call
        }
        tools.sessionLost();
        int attempt = upstream.scheduleRetry();
        if (attempt == 0) {
            LOG.warnf("Call %s: %s; giving up after %d reconnects", callSid, why, MAX_RECONNECTS);
            apologizeAndEnd(CallEndReason.UPSTREAM_FAILURE, why);
            return;
        }
        state = State.RECONNECTING;
        playback.reset();
        heard.sessionLost();
        LOG.warnf("Call %s: %s; reconnecting (attempt %d of %d)", callSid, why, attempt, MAX_RECONNECTS);
        transcript.system("assistant connection lost: " + why + "; reconnecting (attempt " + attempt + " of "
                + MAX_RECONNECTS + ")");
    }

    // ---- OpenAI events -----------------------------------------------------------------------------

    @Override
    public synchronized void speechStarted(String itemId) {
        if (state == State.ENDED) {
            return;
        }
        meter.speechStarted();
        PlaybackTracker.Interruption barge = playback.speechStarted(nowMs());
        if (!barge.happened() || state != State.LIVE) {
            return;
        }
        meter.bargeIn(barge.itemId() != null);
        heard.callerInterrupted();
        if (barge.clear()) {
            caller.clear();
        }
        if (barge.itemId() != null) {
            upstream.send(new ItemTruncate(barge.itemId(), barge.audioEndMs()));
        }
        if (barge.responseId() != null) {
            upstream.cancelResponse();
        }
        transcript.system(String.format(Locale.ROOT, "caller interrupted the assistant after %.2f s of %.2f s sent",
                barge.audioEndMs() / 1000.0, barge.msSent() / 1000.0));
        heard.flush(true); // what was cut off; if still generating, its transcript arrives later, marked too
    }

    @Override
    public synchronized void speechStopped(String itemId) {
        if (state != State.ENDED) {
            meter.speechStopped();
        }
    }

    @Override
    public synchronized void inputTranscriptionCompleted(String itemId, String text) {
        if (state != State.ENDED) {
            heard.callerSaid(text);
        }
    }

    @Override
    public synchronized void responseCreated(String responseId) {
        if (state == State.ENDED) {
            return;
        }
        playback.responseCreated(responseId);
        tools.responseCreated();
        transfer.responseCreated();
    }

    @Override
    public synchronized void outputAudioDelta(String responseId, String itemId, String delta) {
        int bytes = Base64Audio.decodedLength(delta);
        if (bytes < 0 || (state != State.LIVE && state != State.ENDING)) {
            return;
        }
        String mark = playback.audioDelta(responseId, itemId, bytes, nowMs());
        if (mark != null) {
            if (!caller.sendAudio(delta)) {
                end(CallEndReason.CALLER_NOT_READING, null); // the line is already closing with its own code
                return;
            }
            meter.assistantAudio(bytes);
            caller.sendMark(mark);
        }
    }

    @Override
    public synchronized void outputAudioTranscriptDone(String responseId, String itemId, String text) {
        if (state == State.ENDED) {
            return;
        }
        heard.assistantSaid(text, playback.wasInterrupted(responseId), playback.hasUnplayedAudio());
    }

    @Override
    public synchronized void responseDone(String responseId, String status) {
        if (state == State.ENDED) {
            return;
        }
        playback.responseDone(responseId);
        tools.responseDone();
        if ("completed".equals(status)) {
            upstream.sessionWorks();
            heard.responseCompleted(!playback.hasUnplayedAudio());
        }
        if (state == State.ENDING) {
            farewell.goodbyeGenerated();
            if (farewell.goodbyeIsGenerated() && !playback.hasUnplayedAudio()) {
                endNow();
            }
            return;
        }
        if (budgetReached && state == State.LIVE) {
            budgetReached = false;
            endWithGoodbye(CallEndReason.BUDGET, cost.budgetDescription());
            return;
        }
        transfer.responseDone();
        dialIfDue();
    }

    /**
     * Counts a response's tokens into the call's cost. Reaching the budget is acted on when that response is done
     * ({@link #responseDone}), so the goodbye's farewell never takes the response that crossed it for the goodbye.
     */
    @Override
    public synchronized void usage(TokenUsage used) {
        budgetReached |= cost.add(used);
    }

    @Override
    public void outOfBandDone(OutOfBandResult result) {
        summary.answered(result);
    }

    @Override
    public synchronized void functionCall(FunctionCall call) {
        if (state != State.LIVE) {
            return; // a call that is ending answers nothing more
        }
        if (END_CALL.equals(call.name())) {
            // What the assistant is saying (its goodbye) plays to the end; then the call ends.
            state = State.ENDING;
            farewell.byAssistant(CallEndReason.ASSISTANT_ENDED, null);
            return;
        }
        if (transfer.handles(call)) {
            transfer.requested(call);
            return;
        }
        if (recording.handles(call)) {
            recording.toolCalled(call);
            return;
        }
        tools.start(call);
    }

    // ---- A call we placed: who answered -----------------------------------------------------------

    private synchronized void answerDecided(AnswerWait.Decision decision) {
        if (state == State.ENDING || state == State.ENDED) {
            return;
        }
        answering.decide(decision, env, callSid).ifPresent(stage -> stage.whenComplete((outcome, failure) ->
                machineAnswered(outcome != null ? outcome : CallControl.Outcome.failed(failure.getClass().getSimpleName()))));
        if (answering.greeting() && state == State.LIVE && upstream.isOpen() && heard.needsGreeting()) {
            upstream.send(greeting);
        }
    }

    /** The carrier answered the voicemail message or hang-up: the call ends for that reason either way. */
    private synchronized void machineAnswered(CallControl.Outcome outcome) {
        if (state == State.ENDED) {
            return;
        }
        if (outcome.isFailed()) {
            transcript.system((answering.machineEndReason() == CallEndReason.VOICEMAIL ? "voicemail message"
                    : "hang-up") + " failed: " + outcome.failure() + "; closing the media stream instead");
        }
        end(answering.machineEndReason(), null);
    }

    // ---- Transfer ----------------------------------------------------------------------------------

    /** Dials once the announcement of the transfer has been generated and has played. */
    private void dialIfDue() {
        if (state == State.LIVE && transfer.readyToDial(!playback.hasUnplayedAudio())) {
            dialTransfer();
        }
    }

    /** The announcement took too long (or its session dropped): the transfer goes ahead without the model. */
    private synchronized void transferDue() {
        if (state == State.LIVE || state == State.RECONNECTING) {
            dialTransfer();
        }
    }

    private void dialTransfer() {
        heard.flush(false); // the announcement belongs to the conversation a returning caller resumes
        transfer.dial(heard.lastCallerWords(), heard.history()).ifPresent(stage -> stage.whenComplete(
                (outcome, failure) -> transferAnswered(outcome != null ? outcome
                        : CallControl.Outcome.failed(failure.getClass().getSimpleName()))));
    }

    /** The carrier answered the update: the call ends as transferred, or goes on with the model told. */
    private synchronized void transferAnswered(CallControl.Outcome outcome) {
        if (state == State.ENDED) {
            transfer.dialedAfterEnd(outcome);
            return;
        }
        transfer.dialed(outcome, state == State.LIVE);
        if (!outcome.isFailed()) {
            end(CallEndReason.TRANSFERRED, "to " + transfer.target());
        }
    }

    private synchronized void toolFinished(FunctionCall call, int session, ToolResult result) {
        if (state == State.ENDED) {
            LOG.debugf("Call %s: a tool result came after the call ended; dropped", callSid);
            return;
        }
        tools.finished(call, session, result, state == State.LIVE);
    }

    private synchronized void toolFillerDue(int session) {
        if (state == State.LIVE) {
            tools.fillerDue(session);
        }
    }

    @Override
    public synchronized void mcp(McpEvent event) {
        if (state != State.ENDED) {
            mcp.seen(event, state == State.LIVE);
        }
    }

    @Override
    public void error(RealtimeError error) {
        if (error.isBenign()) {
            LOG.debugf("Call %s: benign Realtime error %s", callSid, error.code());
            if (error.isResponseAlreadyActive()) {
                synchronized (this) {
                    tools.responseRefused();
                }
            }
            return;
        }
        meter.upstreamError(error.code()); // the tag is one of a known set, whatever the code says
        String description = "assistant error " + error.summary();
        LOG.warnf("Call %s: %s", callSid, description);
        transcript.system(description);
        if (error.isFatal()) {
            synchronized (this) {
                upstream.closeSession();
                apologizeAndEnd(CallEndReason.UPSTREAM_FAILURE, "fatal assistant error " + error.code());
            }
        }
    }

    // ---- Ending ------------------------------------------------------------------------------------

    /**
     * The service ends the call (maximum duration, shutdown): the assistant says goodbye if it can, else the
     * recorded goodbye plays; the caller is no longer heard; the line closes once it has played.
     */
    public synchronized void endWithGoodbye(CallEndReason reason, String detail) {
        if (state == State.ENDED || state == State.ENDING) {
            return;
        }
        transcript.system(detail + "; saying goodbye");
        if (state != State.LIVE) {
            playPromptAndEnd(env.prompts.goodbye(), reason, detail);
            return;
        }
        state = State.ENDING;
        PlaybackTracker.Interruption cut = playback.stopAnswer(nowMs());
        if (cut.clear()) {
            caller.clear();
        }
        if (cut.responseId() != null) {
            upstream.cancelResponse();
        }
        heard.flush(true);
        upstream.send(env.settings.goodbye());
        farewell.byAssistant(reason, detail);
    }

    /** The assistant cannot go on: the caller hears a short recorded apology, then the call ends. */
    private void apologizeAndEnd(CallEndReason reason, String detail) {
        if (state == State.ENDED || state == State.ENDING) {
            return;
        }
        upstream.detach();
        playPromptAndEnd(env.prompts.apology(), reason, detail);
    }

    private void playPromptAndEnd(AudioPrompts.Prompt prompt, CallEndReason reason, String detail) {
        state = State.ENDING;
        farewell.byPrompt(prompt, reason, detail, playback.hasUnplayedAudio());
    }

    /** Ends the call for the farewell's reason (a timer or the last mark), unless it has ended already. */
    private synchronized void endNow() {
        if (state != State.ENDED) {
            end(farewell.reason(), farewell.detail(), true);
        }
    }

    /** Ends the call once: closes both sockets and the transcript. Later calls do nothing. */
    public void end(CallEndReason reason, String detail) {
        end(reason, detail, false);
    }

    /**
     * Ends the call once; {@code goodbyePlayed} when its farewell ends it. The call leaves the registry and its
     * transcript closes once the line is down (after a hang-up request, when {@link HangUp} makes one).
     */
    private void end(CallEndReason why, String whyDetail, boolean goodbyePlayed) {
        RealtimeConnection toClose;
        CallDetails.Builder details;
        boolean generating;
        CallEndReason reason = why;
        String detail = whyDetail;
        synchronized (this) {
            if (state == State.ENDED) {
                return;
            }
            if (transfer.dialing() && reason == CallEndReason.CALLER_HUNG_UP) {
                reason = CallEndReason.TRANSFERRED; // the carrier ended the stream to dial the target
                detail = "to " + transfer.target();
            }
            if (answering.machineAnswered() && reason == CallEndReason.CALLER_HUNG_UP) {
                reason = answering.machineEndReason(); // the carrier ended the stream to play the message
                detail = null;
            }
            state = State.ENDED;
            meter.ended(reason.tag());
            generating = playback.stopAnswer(nowMs()).responseId() != null;
            toClose = upstream.release();
            tools.close();
            transfer.close();
            recording.close();
            answering.close(env);
            heard.flush(false);
            cancel(maxDurationTimer);
            details = details(reason);
        }
        CompletionStage<Summary> summarized;
        // No summary of a dead session, nor of a call only an answering machine heard (the model never spoke).
        if (toClose != null && env.summaries.enabled() && reason != CallEndReason.UPSTREAM_FAILURE
                && !answering.machineAnswered()) {
            if (generating) {
                toClose.cancelResponse(); // nobody will hear it; the summary is asked on its own
            }
            summarized = summary.ask(toClose);
        } else {
            summarized = summary.skip(toClose);
        }
        double seconds = (System.nanoTime() - startedAtNanos) / 1e9;
        CallEndReason ended = reason;
        String endedDetail = detail;
        CallDetails.Builder record = details;
        hangUp.putDown(ended, goodbyePlayed, endedDetail).toCompletableFuture()
                .thenCombine(summarized, (down, result) -> result)
                .whenComplete((result, failure) -> lineDown(ended, endedDetail, seconds,
                        result != null ? result : Summary.NOT_ASKED, record));
    }

    /** The call's record beside its transcript: every field the call knows is filled here, as it ends. */
    private CallDetails.Builder details(CallEndReason reason) {
        return CallDetails.builder().direction(placed ? CallDetails.OUTBOUND : CallDetails.INBOUND)
                .profile(profileName).from(callInfo.from()).to(callInfo.to())
                .endReason(reason.name(), reason.description())
                .transferTarget(reason == CallEndReason.TRANSFERRED ? transfer.target() : null)
                .recordingSid(recording.recordingSid());
    }

    /** The line is down and the summary step over: the results are written, reported, and the transcript closed. */
    private void lineDown(CallEndReason reason, String detail, double seconds, Summary summarized,
            CallDetails.Builder details) {
        summarized.transcriptLines().forEach(transcript::system);
        transcript.system(cost.describe());
        double costUsd = cost.costUsd();
        env.usageMetrics.callEnded(costUsd);
        CallReport finished = new CallReport(callSid, reason, summarized.text(), summarized.outcomeJson(), cost.usage(),
                costUsd);
        report.complete(finished);
        finished.fill(details);
        env.registry.remove(this);
        String why = detail == null || detail.equals(reason.description()) ? "" : " (" + SafeText.of(detail) + ")";
        transcript.close(String.format(Locale.ROOT, "call ended: %s%s after %.1f s", reason.description(), why,
                seconds), details);
        LOG.infof("Call %s ended: %s after %.1f s", callSid, reason.description(), seconds);
    }

    // ---- Recording ---------------------------------------------------------------------------------

    /** Twilio's status callback about this call's recording. */
    public synchronized void recordingStatus(RecordingStatus status) {
        recording.statusReported(status);
    }

    /** Runs what answers from elsewhere (Twilio's) bring under this call's monitor. */
    private synchronized void underMonitor(Runnable task) {
        task.run();
    }

    private void cancel(long timerId) {
        if (timerId >= 0) {
            env.vertx.cancelTimer(timerId);
        }
    }

    private static long nowMs() {
        return System.nanoTime() / 1_000_000;
    }
}
