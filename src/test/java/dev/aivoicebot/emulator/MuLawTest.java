package dev.aivoicebot.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MuLawTest {

    @Test
    void decodesTheG711ReferencePoints() {
        assertEquals(0, MuLaw.decode((byte) 0xFF));
        assertEquals(0, MuLaw.decode((byte) 0x7F));
        assertEquals(-32124, MuLaw.decode((byte) 0x00));
        assertEquals(32124, MuLaw.decode((byte) 0x80));
        assertEquals(-8, MuLaw.decode((byte) 0x7E));
        assertEquals(8, MuLaw.decode((byte) 0xFE));
    }

    @Test
    void encodingADecodedByteGivesItBack() {
        for (int b = 0; b < 256; b++) {
            if (b == 0x7F) {
                continue; // negative zero encodes as positive zero
            }
            assertEquals((byte) b, MuLaw.encode(MuLaw.decode((byte) b)), "byte " + b);
        }
        assertEquals((byte) 0xFF, MuLaw.encode(MuLaw.decode((byte) 0x7F)));
    }

    @Test
    void encodingIsCloseForEverySample() {
        for (int pcm = -32768; pcm < 32768; pcm += 7) {
            int decoded = MuLaw.decode(MuLaw.encode(pcm));
            int tolerance = Math.max(8, Math.abs(pcm) / 16);
            assertTrue(Math.abs(decoded - Math.max(-32635, Math.min(32635, pcm))) <= tolerance,
                    pcm + " came back as " + decoded);
        }
    }

    @Test
    void rmsOfSilenceIsZeroAndOfASineItsAmplitudeOverRootTwo() {
        byte[] silence = Audio.create().silence(20).bytes();
        assertEquals(0.0, MuLaw.rms(silence, 0, silence.length));
        byte[] tone = Audio.create().tone(20).bytes();
        assertEquals(8000 / Math.sqrt(2), MuLaw.rms(tone, 0, tone.length), 8000 * 0.05);
    }
}
