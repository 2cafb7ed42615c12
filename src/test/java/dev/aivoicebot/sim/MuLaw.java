package dev.aivoicebot.sim;

/**
 * G.711 μ-law, the only audio format on a Twilio Media Stream (8 kHz, 8 bits, 8 bytes per ms).
 * Written here rather than borrowed so the simulator's audio does not depend on the code under test.
 */
public final class MuLaw {

    /** μ-law of a zero sample; a phone line's silence. */
    public static final byte SILENCE = (byte) 0xFF;

    /** G.711 adds this to the magnitude so every segment's range starts on a power of two. */
    private static final int BIAS = 0x84;
    /** Largest magnitude that still fits segment 7 after the bias (14-bit 8159, scaled to 16 bits). */
    private static final int CLIP = 32635;

    private MuLaw() {
    }

    /** Encodes one signed 16-bit linear sample. */
    public static byte encode(int sample) {
        int sign = sample < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(sample), CLIP) + BIAS;
        int segment = 31 - Integer.numberOfLeadingZeros(magnitude) - 7;
        int mantissa = (magnitude >> (segment + 3)) & 0x0F;
        // G.711 transmits every bit inverted.
        return (byte) ~(sign | segment << 4 | mantissa);
    }

    /** Decodes one μ-law byte to a signed 16-bit linear sample (the segment's reconstruction value). */
    public static int decode(byte encoded) {
        int bits = ~encoded & 0xFF;
        int segment = (bits >> 4) & 0x07;
        int mantissa = bits & 0x0F;
        int magnitude = (((mantissa << 3) + BIAS) << segment) - BIAS;
        return (bits & 0x80) != 0 ? -magnitude : magnitude;
    }
}
