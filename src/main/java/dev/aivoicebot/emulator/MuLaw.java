package dev.aivoicebot.emulator;

/**
 * G.711 μ-law, the only audio format the emulator speaks (Twilio's and the bridge's {@code audio/pcmu}).
 * Decoding is a 256-entry table because the VAD decodes every input byte.
 */
public final class MuLaw {

    /** μ-law byte of a zero sample; what silence looks like on the wire. */
    public static final byte SILENCE = (byte) 0xFF;

    /** Bytes per millisecond at 8 kHz, one byte per sample. */
    public static final int BYTES_PER_MS = 8;

    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;
    private static final short[] DECODE = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            int u = ~i & 0xFF;
            int magnitude = (((u & 0x0F) << 3) + BIAS) << ((u >> 4) & 0x07);
            DECODE[i] = (short) ((u & 0x80) != 0 ? BIAS - magnitude : magnitude - BIAS);
        }
    }

    private MuLaw() {
    }

    /** Linear 16-bit sample of one μ-law byte. */
    public static short decode(byte mulaw) {
        return DECODE[mulaw & 0xFF];
    }

    /** μ-law byte of a linear 16-bit sample (clipped like the standard encoder). */
    public static byte encode(int pcm) {
        int sign = pcm < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(pcm), CLIP) + BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    /** Root mean square of the decoded samples in {@code [from, to)}, in 16-bit linear units. */
    public static double rms(byte[] mulaw, int from, int to) {
        if (to <= from) {
            return 0;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            double s = DECODE[mulaw[i] & 0xFF];
            sum += s * s;
        }
        return Math.sqrt(sum / (to - from));
    }

    /** Milliseconds of audio in {@code bytes} μ-law bytes. */
    public static long millis(long bytes) {
        return bytes / BYTES_PER_MS;
    }
}
