package dev.aivoicebot.call;

import dev.aivoicebot.metrics.CallMeter;
import dev.aivoicebot.openai.ItemTruncate;
import dev.aivoicebot.openai.RealtimeConnection;
import dev.aivoicebot.openai.RealtimeError;
import dev.aivoicebot.openai.RealtimeEventHandler;
import dev.aivoicebot.safety.SafeText;
import dev.aivoicebot.transcript.TranscriptWriter;
import dev.aivoicebot.twilio.Base64Audio;
import dev.aivoicebot.twilio.CallSid;
import dev.aivoicebot.twilio.TwilioStream;
import java.util.ArrayDeque;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * One phone call: the Twilio stream on one side, the OpenAI Realtime session on the other.
 *
 * <p>Its life: CONNECTING (caller audio buffered) → LIVE (relaying) ⇄ RECONNECTING (the session dropped:
 * bounded retries, the conversation so far replayed into the new session) → ENDING (a goodbye or apology is
 * playing) → ENDED (both sockets and the transcript closed, once).
 *
 * <p>Twilio messages arrive on the stream's event loop and OpenAI events on the client connection's, so
 * every entry point holds this call's own monitor (never shared across calls, uncontended in the usual
 * case). Nothing here blocks: sends are asynchronous and transcript lines are queued to their own thread.
 */
public final class CallSession implements RealtimeEventHandler {

    private static final Logger LOG = Logger.getLogger(CallSession.class);
    /** Caller audio kept while a session opens: 10 s of 20 ms frames, beyond any connect timeout. */
    static final int MAX_BUFFERED_FRAMES = 500;
    static final int MAX_RECONNECTS = 3;
    /** The longest we wait for a goodbye to be spoken and played before hanging up anyway. */
    static final long GOODBYE_GRACE_MS = 10_000;
    private static final String LAST_PROMPT_MARK = "prompt-end";

    private enum State { CONNECTING, LIVE, RECONNECTING, ENDING, ENDED }

    private final CallSid callSid;
    private final TwilioStream twilio;
    private final TranscriptWriter transcript;
    private final CallEnvironment env;
    private final CallMeter meter;
    private final PlaybackTracker playback = new PlaybackTracker();
    private final ConversationHistory history = new ConversationHistory();
    private final ArrayDeque<String> bufferedAudio = new ArrayDeque<>();
    private final long startedAtNanos = System.nanoTime();

    private State state = State.CONNECTING;
    private RealtimeConnection upstream;
    private int reconnects;
    /**
     * The greeting has been heard to its end, or the caller has spoken: a new session need not greet again. Until
     * then a session that dies takes its greeting with it (asking for one counts for nothing, nor does a part
     * that played), and the next session greets.
     */
    private boolean greetingDone;
    private boolean responseCompleted;
    /** The assistant's last words, held until the caller has heard them or cut them off. */
    private String unheardAssistantText;
    /** Why the call ends once the goodbye being spoken has played. */
    private CallEndReason endingReason;
    private String endingDetail;
    private boolean goodbyeGenerated;
    private boolean promptPlaying;
    private long sessionReadyTimer = -1;
    private long maxDurationTimer = -1;
    private long reconnectTimer = -1;

    CallSession(CallSid callSid, TwilioStream twilio, TranscriptWriter transcript, CallEnvironment env,
            CallMeter meter) {
        this.meter = meter;
        this.callSid = callSid;
        this.twilio = twilio;
        this.transcript = transcript;
        this.env = env;
    }

    public CallSid callSid() {
        return callSid;
    }

    synchronized void begin() {
        maxDurationTimer = env.vertx.setTimer(env.limits.maxDuration().toMillis(),
                id -> endWithGoodbye(CallEndReason.MAX_DURATION, "maximum call duration reached"));
        connect();
    }

    // ---- Twilio side -------------------------------------------------------------------------------

    /**
     * A caller {@code media} frame of {@code audioBytes} μ-law bytes: relayed as is when live, buffered (bounded)
     * while a session opens; false when dropped because the call is ending.
     */
    public synchronized boolean callerAudio(String base64Payload, int audioBytes) {
        switch (state) {
            case LIVE -> upstream.appendAudio(base64Payload);
            case CONNECTING, RECONNECTING -> {
                if (bufferedAudio.size() == MAX_BUFFERED_FRAMES) {
                    bufferedAudio.removeFirst();
                }
                bufferedAudio.addLast(base64Payload);
            }
            case ENDING, ENDED -> {
                return false; // the call is being closed: what the caller says now can no longer be answered
            }
        }
        meter.callerAudio(audioBytes);
        return true;
    }

    /** Twilio echoed one of our marks. */
    public synchronized void markEchoed(String name) {
        if (state == State.ENDING && LAST_PROMPT_MARK.equals(name)) {
            endNow();
            return;
        }
        playback.markEchoed(name, nowMs());
        if (!playback.hasUnplayedAudio()) {
            greetingDone |= responseCompleted;
            writeAssistantLine(false);
            if (state == State.ENDING && goodbyeGenerated) {
                endNow();
            }
        }
    }

    public void dtmf(String digit) {
        transcript.system("caller pressed " + digit);
    }

    // ---- OpenAI connection -------------------------------------------------------------------------

    private void connect() {
        meter.connecting();
        env.realtime.connect(this).subscribe().with(this::upstreamOpened, this::upstreamFailed);
    }

    /** The backoff timer's end: connect again, unless the call ended meanwhile. */
    private synchronized void reconnectNow() {
        reconnectTimer = -1;
        if (state == State.RECONNECTING) {
            connect();
        }
    }

    /** The Realtime socket is open: configure it, restore the conversation, hand over buffered audio. */
    private synchronized void upstreamOpened(RealtimeConnection connection) {
        if (state == State.ENDED || state == State.ENDING) {
            connection.close();
            return;
        }
        upstream = connection;
        meter.upstreamOpened();
        connection.send(env.settings.sessionUpdate());
        history.items().forEach(connection::send);
        while (!bufferedAudio.isEmpty()) {
            connection.appendAudio(bufferedAudio.removeFirst());
        }
        if (!greetingDone) {
            connection.send(env.settings.greeting());
        }
        state = State.LIVE;
        sessionReadyTimer = env.vertx.setTimer(env.openAi.connectTimeout().toMillis(), id -> sessionNotReady());
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
        cancel(sessionReadyTimer);
        meter.sessionReady();
    }

    private synchronized void sessionNotReady() {
        if (state == State.LIVE && upstream != null) {
            meter.upstreamError("session_not_ready");
            upstream.close();
            upstreamLost("no session.updated within " + env.openAi.connectTimeout().toSeconds() + " s");
        }
    }

    @Override
    public void upstreamClosed(int code, String reason) {
        upstreamLost("assistant connection closed (" + code + ")");
    }

    /** The session is gone without a fatal error: retry with backoff, or apologize once retries run out. */
    private synchronized void upstreamLost(String why) {
        if (state == State.ENDED) {
            return;
        }
        if (state == State.ENDING) {
            upstream = null;
            if (!goodbyeGenerated && !promptPlaying) {
                playPromptAndEnd(env.prompts.goodbye(), endingReason, endingDetail); // the assistant can't say it
            }
            return; // otherwise what was said plays out; its last mark (or the grace timer) ends the call
        }
        upstream = null;
        cancel(sessionReadyTimer);
        if (reconnects == MAX_RECONNECTS) {
            LOG.warnf("Call %s: %s; giving up after %d reconnects", callSid, why, reconnects);
            apologizeAndEnd(CallEndReason.UPSTREAM_FAILURE, why);
            return;
        }
        reconnects++;
        meter.reconnecting();
        state = State.RECONNECTING;
        playback.reset();
        responseCompleted = false;
        LOG.warnf("Call %s: %s; reconnecting (attempt %d of %d)", callSid, why, reconnects, MAX_RECONNECTS);
        transcript.system("assistant connection lost: " + why + "; reconnecting (attempt " + reconnects + " of "
                + MAX_RECONNECTS + ")");
        reconnectTimer = env.vertx.setTimer(250L << (reconnects - 1), id -> reconnectNow());
    }

    // ---- OpenAI events -----------------------------------------------------------------------------

    @Override
    public synchronized void speechStarted(String itemId) {
        meter.speechStarted();
        PlaybackTracker.Interruption barge = playback.speechStarted(nowMs());
        if (!barge.happened() || state != State.LIVE) {
            return;
        }
        meter.bargeIn(barge.itemId() != null);
        greetingDone = true;
        if (barge.clear()) {
            twilio.clear();
        }
        if (barge.itemId() != null) {
            upstream.send(new ItemTruncate(barge.itemId(), barge.audioEndMs()));
        }
        if (barge.responseId() != null) {
            upstream.cancelResponse();
        }
        transcript.system(String.format(Locale.ROOT, "caller interrupted the assistant after %.2f s of %.2f s sent",
                barge.audioEndMs() / 1000.0, barge.msSent() / 1000.0));
        writeAssistantLine(true); // what was cut off; if still generating, its transcript arrives later, marked too
    }

    @Override
    public synchronized void speechStopped(String itemId) {
        meter.speechStopped();
    }

    @Override
    public synchronized void inputTranscriptionCompleted(String itemId, String text) {
        transcript.customer(text);
        history.caller(text);
        greetingDone = true;
    }

    @Override
    public synchronized void responseCreated(String responseId) {
        playback.responseCreated(responseId);
    }

    @Override
    public synchronized void outputAudioDelta(String responseId, String itemId, String delta) {
        int bytes = Base64Audio.decodedLength(delta);
        if (bytes < 0 || (state != State.LIVE && state != State.ENDING)) {
            return;
        }
        String mark = playback.audioDelta(responseId, itemId, bytes, nowMs());
        if (mark != null) {
            if (!twilio.sendAudio(delta)) {
                end(CallEndReason.CALLER_NOT_READING, null); // the stream is already closing with its own code
                return;
            }
            meter.assistantAudio(bytes);
            twilio.sendMark(mark);
        }
    }

    @Override
    public synchronized void outputAudioTranscriptDone(String responseId, String itemId, String text) {
        if (playback.wasInterrupted(responseId) || !playback.hasUnplayedAudio()) {
            transcript.assistant(text, playback.wasInterrupted(responseId));
            history.assistant(text);
        } else {
            // The service generates faster than real time: the caller has not heard this yet, and may cut it off.
            writeAssistantLine(false);
            unheardAssistantText = text;
        }
    }

    @Override
    public synchronized void responseDone(String responseId, String status) {
        playback.responseDone(responseId);
        if ("completed".equals(status)) {
            reconnects = 0; // this session works: a later drop (e.g. its expiry) gets the full retry budget
            responseCompleted = true;
            greetingDone |= !playback.hasUnplayedAudio();
        }
        if (state == State.ENDING && endingReason != null) {
            goodbyeGenerated = true;
            if (!playback.hasUnplayedAudio()) {
                endNow();
            }
        }
    }

    @Override
    public void error(RealtimeError error) {
        if (error.isBenign()) {
            LOG.debugf("Call %s: benign Realtime error %s", callSid, error.code());
            return;
        }
        meter.upstreamError(error.code()); // the tag is one of a known set, whatever the code says
        String description = "assistant error " + error.summary();
        LOG.warnf("Call %s: %s", callSid, description);
        transcript.system(description);
        if (error.isFatal()) {
            synchronized (this) {
                if (upstream != null) {
                    upstream.close();
                }
                apologizeAndEnd(CallEndReason.UPSTREAM_FAILURE, "fatal assistant error " + error.code());
            }
        }
    }

    // ---- Ending ------------------------------------------------------------------------------------

    /**
     * The service ends the call (maximum duration, shutdown): the assistant says goodbye if it can, else the
     * recorded goodbye plays; the caller is no longer heard; the stream closes once it has played.
     */
    public synchronized void endWithGoodbye(CallEndReason reason, String detail) {
        if (state == State.ENDED || state == State.ENDING) {
            return;
        }
        transcript.system(detail + "; saying goodbye");
        if (state == State.LIVE) {
            state = State.ENDING;
            endingReason = reason;
            endingDetail = detail;
            PlaybackTracker.Interruption cut = playback.stopAnswer(nowMs());
            if (cut.clear()) {
                twilio.clear();
            }
            if (cut.responseId() != null) {
                upstream.cancelResponse();
            }
            writeAssistantLine(true);
            upstream.send(env.settings.goodbye());
            env.vertx.setTimer(GOODBYE_GRACE_MS, id -> endNowSynchronized());
        } else {
            playPromptAndEnd(env.prompts.goodbye(), reason, detail);
        }
    }

    /** The assistant cannot go on: the caller hears a short recorded apology, then the call ends. */
    private void apologizeAndEnd(CallEndReason reason, String detail) {
        if (state == State.ENDED || state == State.ENDING) {
            return;
        }
        upstream = null;
        playPromptAndEnd(env.prompts.apology(), reason, detail);
    }

    private void playPromptAndEnd(AudioPrompts.Prompt prompt, CallEndReason reason, String detail) {
        state = State.ENDING;
        promptPlaying = true;
        endingReason = reason;
        endingDetail = detail;
        if (playback.hasUnplayedAudio()) {
            twilio.clear();
        }
        prompt.payloads().forEach(twilio::sendAudio);
        twilio.sendMark(LAST_PROMPT_MARK);
        env.vertx.setTimer(prompt.durationMs() + 3_000, id -> endNowSynchronized());
    }

    private synchronized void endNowSynchronized() {
        endNow();
    }

    private void endNow() {
        if (state != State.ENDED) {
            end(endingReason == null ? CallEndReason.ERROR : endingReason, endingDetail);
        }
    }

    /** Ends the call once: closes both sockets and the transcript. Later calls do nothing. */
    public void end(CallEndReason reason, String detail) {
        RealtimeConnection toClose;
        synchronized (this) {
            if (state == State.ENDED) {
                return;
            }
            state = State.ENDED;
            meter.ended(reason);
            toClose = upstream;
            upstream = null;
            bufferedAudio.clear();
            writeAssistantLine(false);
            cancel(sessionReadyTimer);
            cancel(maxDurationTimer);
            cancel(reconnectTimer);
        }
        env.registry.remove(this);
        if (toClose != null) {
            toClose.close();
        }
        twilio.close(1000, detail);
        double seconds = (System.nanoTime() - startedAtNanos) / 1e9;
        String why = detail == null || detail.equals(reason.description()) ? "" : " (" + SafeText.of(detail) + ")";
        transcript.close(String.format(Locale.ROOT, "call ended: %s%s after %.1f s", reason.description(), why,
                seconds));
        LOG.infof("Call %s ended: %s after %.1f s", callSid, reason.description(), seconds);
    }

    private void writeAssistantLine(boolean interrupted) {
        if (unheardAssistantText != null) {
            transcript.assistant(unheardAssistantText, interrupted);
            history.assistant(unheardAssistantText);
            unheardAssistantText = null;
        }
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
