package dev.aivoicebot.emulator;

import java.io.ByteArrayOutputStream;

/** Test audio in μ-law: silence and a loud tone, concatenated in order. */
final class Audio {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    static Audio create() {
        return new Audio();
    }

    Audio silence(int millis) {
        for (int i = 0; i < millis * MuLaw.BYTES_PER_MS; i++) {
            bytes.write(MuLaw.SILENCE);
        }
        return this;
    }

    /** A 1 kHz tone at a quarter of full scale: far above the VAD threshold. */
    Audio tone(int millis) {
        for (int i = 0; i < millis * MuLaw.BYTES_PER_MS; i++) {
            bytes.write(MuLaw.encode((int) Math.round(8000 * Math.sin(2 * Math.PI * 1000 * i / 8000.0))));
        }
        return this;
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }
}
