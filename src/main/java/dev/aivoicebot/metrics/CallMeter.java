package dev.aivoicebot.metrics;

import java.util.concurrent.TimeUnit;

/**
 * The clocks of one call, turned into the latencies users watch. Created when Twilio's {@code start} arrives;
 * the call calls it under its own lock, so it needs no synchronization of its own.
 *
 * <ul>
 * <li>greeting latency: {@code start} → the first assistant audio sent to Twilio;
 * <li>response latency: the last {@code speech_stopped} → the first assistant audio sent after it (a
 * {@code speech_started} in between means the caller went on talking, and the clock waits for the next stop);
 * <li>connect and session-ready times of each (re)connection to OpenAI.
 * </ul>
 */
public final class CallMeter {

    private static final long NONE = Long.MIN_VALUE;

    private final CallMetrics metrics;
    private final long startedAt;
    private boolean greeted;
    private long speechStoppedAt = NONE;
    private long connectingAt = NONE;
    private boolean sessionReady;

    CallMeter(CallMetrics metrics, long startedAt) {
        this.metrics = metrics;
        this.startedAt = startedAt;
    }

    /** The call ended, for the reason tagged {@code reasonTag} (counted once: the call ends once). */
    public void ended(String reasonTag) {
        metrics.callEnded(reasonTag, metrics.now() - startedAt);
    }

    /** A connection to OpenAI is being opened (the first one, or after a drop). */
    public void connecting() {
        connectingAt = metrics.now();
        sessionReady = false;
    }

    /** The OpenAI socket is open. */
    public void upstreamOpened() {
        if (connectingAt != NONE) {
            metrics.connect.record(metrics.now() - connectingAt, TimeUnit.NANOSECONDS);
        }
    }

    /** {@code session.updated}: our configuration is in effect; the first one per connection is timed. */
    public void sessionReady() {
        if (connectingAt != NONE && !sessionReady) {
            sessionReady = true;
            metrics.sessionReady.record(metrics.now() - connectingAt, TimeUnit.NANOSECONDS);
        }
    }

    /** The OpenAI socket could not be opened. */
    public void connectFailed() {
        metrics.upstreamError(RealtimeErrorCodes.CONNECT_FAILED);
    }

    /** The session dropped and another connection will be tried. */
    public void reconnecting() {
        metrics.reconnects.increment();
    }

    /** An {@code error} event that is not an expected race. */
    public void upstreamError(String code) {
        metrics.upstreamError(code);
    }

    /** {@code input_audio_buffer.speech_started}. */
    public void speechStarted() {
        speechStoppedAt = NONE;
    }

    /** {@code input_audio_buffer.speech_stopped}. */
    public void speechStopped() {
        speechStoppedAt = metrics.now();
    }

    /** The caller interrupted the assistant; {@code truncated}: part of an answer was cut from the conversation. */
    public void bargeIn(boolean truncated) {
        metrics.bargeIns.increment();
        if (truncated) {
            metrics.truncates.increment();
        }
    }

    /** A caller frame (base64 μ-law) was received for this call. */
    public void callerAudio(int audioBytes) {
        metrics.inbound.relayed(audioBytes);
    }

    /** An assistant audio chunk of {@code audioBytes} μ-law bytes was sent to Twilio. */
    public void assistantAudio(int audioBytes) {
        metrics.outbound.relayed(audioBytes);
        if (!greeted) {
            greeted = true;
            metrics.greeting.record(metrics.now() - startedAt, TimeUnit.NANOSECONDS);
        }
        if (speechStoppedAt != NONE) {
            metrics.response.record(metrics.now() - speechStoppedAt, TimeUnit.NANOSECONDS);
            speechStoppedAt = NONE;
        }
    }
}
