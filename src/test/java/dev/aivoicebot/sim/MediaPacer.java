package dev.aivoicebot.sim;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends a call's audio in real time, one 20 ms frame per tick, on a clock shared by every simulated
 * call. Each frame's due time is computed from the start (start + n × 20 ms), never from the previous
 * tick, so scheduling delays do not add up; a late tick sends at once and the next one is back on
 * time.
 */
final class MediaPacer {

    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(ScriptFrames.FRAME_MS);

    private final ScheduledExecutorService clock;
    private final ScriptFrames frames;
    private final StreamSender sender;
    private final Runnable onScriptEnded;
    private final CallRecording recording;
    private long startNanos;
    private long framesSent;
    private long worstLatenessNanos;
    private boolean stopped;
    private ScheduledFuture<?> nextTick;

    /** {@code onScriptEnded} runs when a script that ends in a hang-up has been sent. */
    MediaPacer(ScheduledExecutorService clock, CallerScript script, StreamSender sender, Runnable onScriptEnded,
            CallRecording recording) {
        this.clock = clock;
        this.frames = new ScriptFrames(script);
        this.sender = sender;
        this.onScriptEnded = onScriptEnded;
        this.recording = recording;
    }

    synchronized void start() {
        startNanos = System.nanoTime();
        nextTick = clock.schedule(this::tick, 0, TimeUnit.NANOSECONDS);
    }

    /** Stops after the frame in flight, if any: once this returns no further frame is sent. */
    synchronized void stop() {
        stopped = true;
        if (nextTick != null) {
            nextTick.cancel(false);
        }
    }

    /** How late the latest frame left, against its due time: a sign the simulator itself is overloaded. */
    synchronized long worstLatenessNanos() {
        return worstLatenessNanos;
    }

    private synchronized void tick() {
        if (stopped) {
            return;
        }
        long lateness = System.nanoTime() - (startNanos + framesSent * FRAME_NANOS);
        worstLatenessNanos = Math.max(worstLatenessNanos, lateness);
        try {
            byte[] frame = frames.next();
            if (frame == null) {
                stopped = true;
                onScriptEnded.run();
                return;
            }
            sender.media(frame, framesSent * ScriptFrames.FRAME_MS);
            framesSent++;
            long dueNanos = startNanos + framesSent * FRAME_NANOS;
            nextTick = clock.schedule(this::tick, dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            stopped = true;
            // An executor swallows a task's exception; record it so the test sees why the audio stopped.
            recording.problem("sending caller audio failed: " + e);
        }
    }
}
