package dev.aivoicebot.sim;

import java.util.Arrays;

/**
 * Renders a {@link CallerScript} into 20 ms frames on demand, so a long call costs no memory up front.
 * A last partial frame is padded with silence: Twilio's frames are always whole in practice.
 */
final class ScriptFrames {

    static final int FRAME_MS = 20;
    static final int FRAME_BYTES = FRAME_MS * CallerScript.BYTES_PER_MS;

    private final CallerScript script;
    private int segmentIndex;
    private int sampleInSegment;

    ScriptFrames(CallerScript script) {
        this.script = script;
    }

    /** The next frame, or {@code null} once a script ending in a hang-up has run out. */
    byte[] next() {
        if (scriptDone()) {
            return script.ending() == CallerScript.Ending.HANG_UP ? null : silentFrame();
        }
        byte[] frame = silentFrame();
        for (int i = 0; i < FRAME_BYTES && !scriptDone(); i++) {
            CallerScript.Segment segment = script.segments().get(segmentIndex);
            frame[i] = segment.sample(sampleInSegment++);
            if (sampleInSegment >= segment.durationMs() * CallerScript.BYTES_PER_MS) {
                segmentIndex++;
                sampleInSegment = 0;
            }
        }
        return frame;
    }

    private boolean scriptDone() {
        skipEmptySegments();
        return segmentIndex >= script.segments().size();
    }

    private void skipEmptySegments() {
        while (segmentIndex < script.segments().size() && script.segments().get(segmentIndex).durationMs() <= 0) {
            segmentIndex++;
        }
    }

    private static byte[] silentFrame() {
        byte[] frame = new byte[FRAME_BYTES];
        Arrays.fill(frame, MuLaw.SILENCE);
        return frame;
    }
}
