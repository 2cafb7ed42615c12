package dev.aivoicebot.call;

import dev.aivoicebot.metrics.CallMeter;
import dev.aivoicebot.openai.ItemTruncate;
import dev.aivoicebot.openai.RealtimeConnection;
import dev.aivoicebot.openai.RealtimeError;
import dev.aivoicebot.openai.RealtimeEventHandler;
import dev.aivoicebot.openai.SafeText;
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
 * <p>Twilio messages arrive on the stream's event loop and OpenAI events on the client connection's, so
 * every entry point holds this call's own monitor (never shared across calls, and uncontended in the usual
 * case). Nothing here blocks: sends are asynchronous and transcript lines are queued to their own thread.
 */
public final class CallSession implements RealtimeEventHandler {

    private static final Logger LOG = Logger.getLogger(CallSession.class);
    /** Caller audio kept while the OpenAI session opens: 10 s of 20 ms frames, beyond any connect timeout. */
    static final int MAX_BUFFERED_FRAMES = 500;

    private enum State { CONNECTING, LIVE, ENDED }

    private final CallSid callSid;
    private final TwilioStream twilio;
    private final TranscriptWriter transcript;
    private final AssistantSettings settings;
    private final CallRegistry registry;
    private final CallMeter meter;
    private final PlaybackTracker playback = new PlaybackTracker();
    private final ArrayDeque<String> bufferedAudio = new ArrayDeque<>();
    private final long startedAtNanos = System.nanoTime();

    private State state = State.CONNECTING;
    private RealtimeConnection upstream;
    /** The assistant's last words, held until the caller has heard them or cut them off. */
    private String unheardAssistantText;

    CallSession(CallSid callSid, TwilioStream twilio, TranscriptWriter transcript, AssistantSettings settings,
            CallRegistry registry, CallMeter meter) {
        this.callSid = callSid;
        this.twilio = twilio;
        this.transcript = transcript;
        this.settings = settings;
        this.registry = registry;
        this.meter = meter;
    }

    public CallSid callSid() {
        return callSid;
    }

    // ---- Twilio side -------------------------------------------------------------------------------

    /** A caller {@code media} frame: relayed as is once the session is open, buffered (bounded) until then. */
    public synchronized void callerAudio(String base64Payload) {
        meter.callerAudio(base64Payload);
        switch (state) {
            case LIVE -> upstream.appendAudio(base64Payload);
            case CONNECTING -> {
                if (bufferedAudio.size() == MAX_BUFFERED_FRAMES) {
                    bufferedAudio.removeFirst();
                }
                bufferedAudio.addLast(base64Payload);
            }
            case ENDED -> {
            }
        }
    }

    /** Twilio echoed one of our marks. */
    public synchronized void markEchoed(String name) {
        playback.markEchoed(name, nowMs());
        if (!playback.hasUnplayedAudio()) {
            writeAssistantLine(false);
        }
    }

    public void dtmf(String digit) {
        transcript.system("caller pressed " + digit);
    }

    // ---- OpenAI side -------------------------------------------------------------------------------

    /** The Realtime socket is open: configure it, hand over buffered audio, and let the assistant greet. */
    synchronized void upstreamOpened(RealtimeConnection connection) {
        if (state == State.ENDED) {
            connection.close();
            return;
        }
        upstream = connection;
        meter.upstreamOpened();
        connection.send(settings.sessionUpdate());
        while (!bufferedAudio.isEmpty()) {
            connection.appendAudio(bufferedAudio.removeFirst());
        }
        connection.send(settings.greeting());
        state = State.LIVE;
    }

    void upstreamFailed(Throwable failure) {
        meter.connectFailed();
        LOG.warnf("Call %s: %s", callSid, SafeText.of(failure.getMessage()));
        transcript.system("assistant unavailable: " + SafeText.of(failure.getMessage()));
        end(CallEndReason.UPSTREAM_FAILURE, "could not reach the assistant");
    }

    @Override
    public synchronized void sessionUpdated() {
        meter.sessionReady();
    }

    @Override
    public synchronized void speechStarted(String itemId) {
        meter.speechStarted();
        PlaybackTracker.Interruption barge = playback.speechStarted(nowMs());
        if (!barge.happened() || state != State.LIVE) {
            return;
        }
        meter.bargeIn(barge.itemId() != null);
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
    public void inputTranscriptionCompleted(String itemId, String text) {
        transcript.customer(text);
    }

    @Override
    public synchronized void responseCreated(String responseId) {
        playback.responseCreated(responseId);
    }

    @Override
    public synchronized void outputAudioDelta(String responseId, String itemId, String delta) {
        int bytes = Base64Audio.decodedLength(delta);
        if (bytes < 0 || state != State.LIVE) {
            return;
        }
        String mark = playback.audioDelta(responseId, itemId, bytes, nowMs());
        if (mark != null) {
            twilio.sendAudio(delta);
            meter.assistantAudio(bytes);
            twilio.sendMark(mark);
        }
    }

    @Override
    public synchronized void outputAudioTranscriptDone(String responseId, String itemId, String text) {
        if (playback.wasInterrupted(responseId) || !playback.hasUnplayedAudio()) {
            transcript.assistant(text, playback.wasInterrupted(responseId));
        } else {
            // The service generates faster than real time: the caller has not heard this yet, and may cut it off.
            writeAssistantLine(false);
            unheardAssistantText = text;
        }
    }

    private void writeAssistantLine(boolean interrupted) {
        if (unheardAssistantText != null) {
            transcript.assistant(unheardAssistantText, interrupted);
            unheardAssistantText = null;
        }
    }

    @Override
    public synchronized void responseDone(String responseId, String status) {
        playback.responseDone(responseId);
    }

    @Override
    public void error(RealtimeError error) {
        if (error.isBenign()) {
            LOG.debugf("Call %s: benign Realtime error %s", callSid, error.code());
            return;
        }
        meter.upstreamError(error.code());
        String description = "assistant error " + error.code() + ": " + SafeText.of(error.message());
        LOG.warnf("Call %s: %s", callSid, description);
        transcript.system(description);
        if (error.isFatal()) {
            end(CallEndReason.UPSTREAM_FAILURE, "fatal assistant error " + error.code());
        }
    }

    @Override
    public void upstreamClosed(int code, String reason) {
        end(CallEndReason.UPSTREAM_FAILURE, "assistant connection closed (" + code + ")");
    }

    // ---- Ending ------------------------------------------------------------------------------------

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
            bufferedAudio.clear();
            writeAssistantLine(false);
        }
        registry.remove(this);
        if (toClose != null) {
            toClose.close();
        }
        twilio.close(1000, detail);
        double seconds = (System.nanoTime() - startedAtNanos) / 1e9;
        transcript.close(String.format(Locale.ROOT, "call ended: %s (%s) after %.1f s", reason.description(),
                SafeText.of(detail), seconds));
        LOG.infof("Call %s ended: %s after %.1f s", callSid, reason.description(), seconds);
    }

    private static long nowMs() {
        return System.nanoTime() / 1_000_000;
    }
}
