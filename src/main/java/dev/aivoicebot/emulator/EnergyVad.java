package dev.aivoicebot.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Voice activity by energy: 20 ms μ-law frames whose RMS reaches a threshold count as speech.
 * Time is audio time (8 bytes = 1 ms since the session's first appended byte), never wall clock,
 * so tests that stream faster than real time still see the timings of the audio they sent.
 */
final class EnergyVad {

    static final int FRAME_MS = 20;
    static final int FRAME_BYTES = FRAME_MS * MuLaw.BYTES_PER_MS;

    enum Kind { STARTED, STOPPED }

    /** A speech boundary at {@code audioMs} (start includes prefix padding, stop includes the silence). */
    record VadEvent(Kind kind, long audioMs) {
    }

    private final double threshold;
    private final byte[] frame = new byte[FRAME_BYTES];
    private int frameFill;
    private long totalBytes;
    private long floorMs;
    private boolean speaking;
    private int silenceMs;

    EnergyVad(double threshold) {
        this.threshold = threshold;
    }

    /** Feeds appended audio; {@code turnDetection == null} only advances the clock. */
    List<VadEvent> accept(byte[] mulaw, TurnDetection turnDetection) {
        List<VadEvent> events = new ArrayList<>(2);
        for (byte b : mulaw) {
            frame[frameFill++] = b;
            totalBytes++;
            if (frameFill == FRAME_BYTES) {
                frameFill = 0;
                if (turnDetection != null) {
                    onFrame(turnDetection, events);
                }
            }
        }
        return events;
    }

    private void onFrame(TurnDetection td, List<VadEvent> events) {
        long frameEndMs = MuLaw.millis(totalBytes);
        boolean loud = MuLaw.rms(frame, 0, FRAME_BYTES) >= threshold;
        if (!speaking && loud) {
            speaking = true;
            silenceMs = 0;
            long start = Math.max(frameEndMs - FRAME_MS - td.prefixPaddingMs(), floorMs);
            events.add(new VadEvent(Kind.STARTED, start));
        } else if (speaking && loud) {
            silenceMs = 0;
        } else if (speaking) {
            silenceMs += FRAME_MS;
            if (silenceMs >= td.silenceDurationMs()) {
                speaking = false;
                floorMs = frameEndMs;
                events.add(new VadEvent(Kind.STOPPED, frameEndMs));
            }
        }
    }

    /** Forgets any speech in progress (after a manual commit or a clear); speech may not start before now. */
    void reset() {
        speaking = false;
        silenceMs = 0;
        floorMs = positionMs();
    }

    boolean speaking() {
        return speaking;
    }

    /** Where the frame now being filled starts; speech found in it can begin no earlier than this. */
    long frameStartMs() {
        return MuLaw.millis(totalBytes - frameFill);
    }

    /** Audio milliseconds appended so far. */
    long positionMs() {
        return MuLaw.millis(totalBytes);
    }
}
