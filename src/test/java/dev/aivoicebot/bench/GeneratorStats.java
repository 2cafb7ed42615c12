package dev.aivoicebot.bench;

import org.HdrHistogram.Recorder;

/**
 * The generator's latency histograms (µs), shared by every call and event loop; HdrHistogram's Recorder
 * takes concurrent writers and hands out interval histograms, so a read at the window's start and one at its
 * end cover exactly the window.
 */
final class GeneratorStats {
    /** Answer frame: arrival at the caller minus the fake's send time (through the bridge). */
    final Recorder returnMicros = new Recorder(3);
    /** First answer frame at the caller − the caller frame that ended the turn leaving − the fake's think time. */
    final Recorder responseMicros = new Recorder(3);
    /** First greeting frame at the caller − the {@code start} message leaving − the fake's think time. */
    final Recorder greetingMicros = new Recorder(3);
    /** {@code clear} at the caller − the first frame of the barge-in leaving. */
    final Recorder clearMicros = new Recorder(3);
    /** How late the generator sent caller frames against their 20 ms schedule. */
    final Recorder pacingLatenessMicros = new Recorder(3);

    /** Greetings recorded before the window opened (they happen while dialing). */
    volatile org.HdrHistogram.Histogram greetingsBeforeWindow;

    static long micros(long nanos) {
        return Math.max(0, nanos / 1000);
    }
}
