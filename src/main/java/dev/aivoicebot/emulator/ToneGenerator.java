package dev.aivoicebot.emulator;

/** The "voice" of a reply that has no user audio to play back: a plain μ-law sine tone. */
final class ToneGenerator {

    static final int FREQUENCY_HZ = 440;
    static final int AMPLITUDE = 6000;
    private static final int SAMPLE_RATE = 8000;

    private ToneGenerator() {
    }

    static byte[] tone(long millis) {
        byte[] audio = new byte[(int) (millis * MuLaw.BYTES_PER_MS)];
        for (int i = 0; i < audio.length; i++) {
            double phase = 2 * Math.PI * FREQUENCY_HZ * i / SAMPLE_RATE;
            audio[i] = MuLaw.encode((int) Math.round(AMPLITUDE * Math.sin(phase)));
        }
        return audio;
    }
}
