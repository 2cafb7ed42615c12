package dev.aivoicebot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The encoder against G.711's μ-law tables. The standard works on 14-bit magnitudes; a 16-bit sample
 * is four times that, so each decision value below is multiplied by 4.
 */
class MuLawTest {

    /** G.711 μ-law segment end points (14-bit): the first magnitude of segments 1 to 7. */
    private static final int[] SEGMENT_STARTS = {31, 95, 223, 479, 991, 2015, 4063};

    /** G.711 reconstruction value of a code, computed from the standard's formula, 14-bit units. */
    private static int referenceDecode14(int code) {
        int bits = ~code & 0xFF;
        int segment = (bits >> 4) & 7;
        int interval = bits & 0x0F;
        int magnitude = ((2 * interval + 33) << segment) - 33;
        return (bits & 0x80) != 0 ? -magnitude : magnitude;
    }

    @Test
    void wellKnownCodes() {
        assertEquals((byte) 0xFF, MuLaw.encode(0));
        assertEquals((byte) 0x7F, MuLaw.encode(-1));   // negative zero
        assertEquals((byte) 0x80, MuLaw.encode(32767));
        assertEquals((byte) 0x00, MuLaw.encode(-32768));
        assertEquals((byte) 0x80, MuLaw.encode(8159 * 4));  // G.711's largest magnitude saturates segment 7
    }

    @Test
    void segmentBoundariesMatchTheDecisionValues() {
        for (int segment = 1; segment <= 7; segment++) {
            int start = SEGMENT_STARTS[segment - 1] * 4;
            assertEquals(segment, segmentOf(MuLaw.encode(start)), "at " + start);
            assertEquals(segment - 1, segmentOf(MuLaw.encode(start - 1)), "just below " + start);
            assertEquals(segment, segmentOf(MuLaw.encode(-start)), "at -" + start);
        }
    }

    @Test
    void everyReconstructionValueEncodesBackToItsCode() {
        for (int code = 0; code < 256; code++) {
            if (code == 0x7F) {
                continue;  // negative zero decodes to 0, which encodes as positive zero
            }
            int linear = referenceDecode14(code) * 4;
            assertEquals((byte) code, MuLaw.encode(linear), "code " + Integer.toHexString(code));
            assertEquals(linear, MuLaw.decode((byte) code), "decode " + Integer.toHexString(code));
        }
    }

    @Test
    void publishedDecodeTableEnds() {
        assertEquals(-32124, MuLaw.decode((byte) 0x00));
        assertEquals(-31100, MuLaw.decode((byte) 0x01));
        assertEquals(32124, MuLaw.decode((byte) 0x80));
        assertEquals(8, MuLaw.decode((byte) 0xFE));
        assertEquals(0, MuLaw.decode((byte) 0xFF));
        assertEquals(0, MuLaw.decode((byte) 0x7F));
    }

    @Test
    void quantisationErrorStaysWithinHalfAStep() {
        for (int sample = -32768; sample <= 32767; sample += 7) {
            int clipped = Math.max(-32635, Math.min(32635, sample));
            int step = 8 << segmentOf(MuLaw.encode(sample));
            int error = Math.abs(MuLaw.decode(MuLaw.encode(sample)) - clipped);
            assertTrue(error <= step, "sample " + sample + " error " + error);
        }
    }

    private static int segmentOf(byte code) {
        return (~code >> 4) & 7;
    }
}
