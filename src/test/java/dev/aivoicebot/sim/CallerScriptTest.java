package dev.aivoicebot.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CallerScriptTest {

    @Test
    void rendersSegmentsIntoWhole20MsFramesAcrossSegmentBoundaries() {
        ScriptFrames frames = new ScriptFrames(CallerScript.builder().silence(30).speech(30).thenHangUp());

        byte[] first = frames.next();
        byte[] second = frames.next();
        byte[] third = frames.next();

        assertTrue(allSilence(first, 0, 160));
        assertTrue(allSilence(second, 0, 80), "the last 10 ms of silence opens the second frame");
        assertTrue(isLoud(second, 80, 160) && isLoud(third, 0, 160), "then 30 ms of tone");
        assertNull(frames.next(), "a script ending in a hang-up runs out");
    }

    @Test
    void padsALastPartialFrameWithSilence() {
        ScriptFrames frames = new ScriptFrames(CallerScript.builder().speech(10).thenHangUp());
        byte[] only = frames.next();
        assertTrue(isLoud(only, 0, 80));
        assertTrue(allSilence(only, 80, 160));
        assertNull(frames.next());
    }

    @Test
    void keepsSendingSilenceUntilHungUp() {
        ScriptFrames frames = new ScriptFrames(CallerScript.builder().speech(20).thenSilenceUntilHangUp());
        frames.next();
        for (int i = 0; i < 100; i++) {
            byte[] frame = frames.next();
            assertNotNull(frame);
            assertTrue(allSilence(frame, 0, 160));
        }
    }

    @Test
    void speechIsA440HzToneAtAmplitude8000() {
        ScriptFrames frames = new ScriptFrames(CallerScript.builder().speech(1000).thenHangUp());
        int peak = 0;
        int signChanges = 0;
        int previous = 0;
        for (byte[] frame = frames.next(); frame != null; frame = frames.next()) {
            for (byte b : frame) {
                int sample = MuLaw.decode(b);
                peak = Math.max(peak, Math.abs(sample));
                if (sample != 0 && previous != 0 && (sample > 0) != (previous > 0)) {
                    signChanges++;
                }
                previous = sample == 0 ? previous : sample;
            }
        }
        assertTrue(peak > 7600 && peak < 8400, "peak " + peak);
        assertEquals(880, signChanges, 2, "two zero crossings per cycle");
    }

    @Test
    void emptyScriptHangsUpAtOnce() {
        CallerScript script = CallerScript.builder().thenHangUp();
        assertEquals(0, script.scriptedMs());
        assertNull(new ScriptFrames(script).next());
    }

    @Test
    void scriptedLengthIsTheSumOfSegments() {
        CallerScript script = CallerScript.builder().silence(300).speech(1200).tone(50, 1000, 2000).thenHangUp();
        assertEquals(1550, script.scriptedMs());
        byte[] silence = new byte[160];
        Arrays.fill(silence, MuLaw.SILENCE);
        assertArrayEquals(silence, new ScriptFrames(script).next());
    }

    private static boolean allSilence(byte[] frame, int from, int to) {
        for (int i = from; i < to; i++) {
            if (frame[i] != MuLaw.SILENCE) {
                return false;
            }
        }
        return true;
    }

    /** A sine at amplitude 8000 is loud most of the time; allow for samples near its zero crossings. */
    private static boolean isLoud(byte[] frame, int from, int to) {
        long loud = java.util.stream.IntStream.range(from, to).filter(i -> Math.abs(MuLaw.decode(frame[i])) > 2000).count();
        return loud > (to - from) / 2;
    }
}
