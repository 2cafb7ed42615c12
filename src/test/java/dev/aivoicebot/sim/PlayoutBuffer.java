package dev.aivoicebot.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Twilio's player for audio the service sends: a FIFO played in real time at 8 bytes per ms, with
 * marks that are echoed once the audio queued before them has played, or at once when a
 * {@code clear} throws that audio away. Pure bookkeeping over a caller-supplied clock (nanoseconds),
 * so it can be tested event by event without sockets or sleeps. Not thread-safe; one owner.
 */
final class PlayoutBuffer {

    /** μ-law at 8 kHz: one byte lasts 125 µs. */
    static final long NANOS_PER_BYTE = 125_000;

    /** A mark the service sent, waiting for the audio queued before it to play. */
    record QueuedMark(String name, long receivedNanos, long dueNanos) {
    }

    /** What a {@code clear} did: how much unplayed audio it dropped and which marks it echoed. */
    record Cleared(long discardedBytes, List<QueuedMark> echoedMarks) {
    }

    private final ArrayDeque<QueuedMark> pendingMarks = new ArrayDeque<>();
    private boolean playing;
    /** When everything queued so far will have finished playing; meaningful only while {@code playing}. */
    private long playEndNanos;
    private long receivedBytes;
    private long discardedBytes;

    void append(int bytes, long nowNanos) {
        long startsAt = isBuffered(nowNanos) ? playEndNanos : nowNanos;
        playEndNanos = startsAt + bytes * NANOS_PER_BYTE;
        playing = true;
        receivedBytes += bytes;
    }

    /**
     * Queues a mark behind the buffered audio and returns the marks to echo now, in order; with
     * nothing buffered that includes this mark.
     */
    List<QueuedMark> mark(String name, long nowNanos) {
        pendingMarks.add(new QueuedMark(name, nowNanos, isBuffered(nowNanos) ? playEndNanos : nowNanos));
        return dueMarks(nowNanos);
    }

    /** Marks whose audio has played by {@code nowNanos}, removed from the queue, in order. */
    List<QueuedMark> dueMarks(long nowNanos) {
        List<QueuedMark> due = new ArrayList<>();
        while (!pendingMarks.isEmpty() && pendingMarks.peek().dueNanos() - nowNanos <= 0) {
            due.add(pendingMarks.poll());
        }
        return due;
    }

    /** When the next pending mark falls due, if any is pending. */
    OptionalLong nextMarkDueNanos() {
        return pendingMarks.isEmpty() ? OptionalLong.empty() : OptionalLong.of(pendingMarks.peek().dueNanos());
    }

    Cleared clear(long nowNanos) {
        long dropped = bufferedBytes(nowNanos);
        discardedBytes += dropped;
        playing = false;
        List<QueuedMark> echoed = List.copyOf(pendingMarks);
        pendingMarks.clear();
        return new Cleared(dropped, echoed);
    }

    /** Bytes received but not yet played; a byte part-way through playing counts as unplayed. */
    long bufferedBytes(long nowNanos) {
        if (!isBuffered(nowNanos)) {
            return 0;
        }
        return (playEndNanos - nowNanos + NANOS_PER_BYTE - 1) / NANOS_PER_BYTE;
    }

    long playedBytes(long nowNanos) {
        return receivedBytes - discardedBytes - bufferedBytes(nowNanos);
    }

    long discardedBytes() {
        return discardedBytes;
    }

    private boolean isBuffered(long nowNanos) {
        // Subtract rather than compare: System.nanoTime() may be negative or wrap.
        return playing && playEndNanos - nowNanos > 0;
    }
}
