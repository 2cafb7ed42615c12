package dev.aivoicebot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Audio frames relayed in one direction: how many, how many μ-law bytes, and the bridge's own time per frame
 * (from the moment our handler has the message in hand to the moment the frame is handed to the other side's
 * socket). Every meter is registered once, so the hot path does no tag look-up and allocates nothing.
 *
 * <p>The overhead timer is sampled: every message costs one clock read; one forwarded frame in
 * {@link #SAMPLE_EVERY} also pays for a second one and a histogram update. The sampling counter is a plain
 * field: its races between event loops only shift which frame is sampled.
 */
public final class FrameMeter {

    /** Sampling period of the overhead timer; a power of two. See docs/operations.md, "Metrics", for the measurement. */
    public static final int SAMPLE_EVERY = 16;

    private final Counter frames;
    private final Counter bytes;
    private final Timer overhead;
    private int sequence;

    FrameMeter(Counter frames, Counter bytes, Timer overhead) {
        this.frames = frames;
        this.bytes = bytes;
        this.overhead = overhead;
    }

    /**
     * Call first thing when a message arrives (before knowing whether it carries audio); pass the result to
     * {@link #forwarded(long)} once its frame is handed on.
     */
    public long receivedAt() {
        return System.nanoTime();
    }

    /** The frame of the message received at {@code receivedAt} was handed on: one in 16 is timed. */
    public void forwarded(long receivedAt) {
        if ((++sequence & (SAMPLE_EVERY - 1)) == 0) {
            overhead.record(System.nanoTime() - receivedAt, TimeUnit.NANOSECONDS);
        }
    }

    /** One frame of {@code audioBytes} μ-law bytes relayed. */
    public void relayed(int audioBytes) {
        frames.increment();
        bytes.increment(audioBytes);
    }
}
