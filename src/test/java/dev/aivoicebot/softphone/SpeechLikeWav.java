package dev.aivoicebot.softphone;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A 48 kHz 16-bit mono WAV of voiced-like bursts (a 130-170 Hz glottal-like tone with harmonics, syllable-rate
 * amplitude changes) separated by silence: loud enough for the emulator's energy VAD, shaped like speech so a
 * browser's noise suppression keeps it.
 */
final class SpeechLikeWav {

    static final int RATE = 48_000;

    private SpeechLikeWav() {
    }

    /** {@code pattern} alternates burst and silence lengths in milliseconds, starting with a burst. */
    static Path write(Path file, int... pattern) throws IOException {
        int total = 0;
        for (int ms : pattern) {
            total += ms * RATE / 1000;
        }
        ByteBuffer data = ByteBuffer.allocate(44 + total * 2).order(ByteOrder.LITTLE_ENDIAN);
        header(data, total * 2);
        double phase = 0;
        int t = 0;
        for (int part = 0; part < pattern.length; part++) {
            int samples = pattern[part] * RATE / 1000;
            for (int i = 0; i < samples; i++, t++) {
                double sample = 0;
                if (part % 2 == 0) {
                    double seconds = (double) i / RATE;
                    double pitch = 150 + 20 * Math.sin(2 * Math.PI * 1.3 * seconds);
                    phase += 2 * Math.PI * pitch / RATE;
                    double voice = 0;
                    for (int harmonic = 1; harmonic <= 8; harmonic++) {
                        voice += Math.sin(harmonic * phase) / harmonic;
                    }
                    double syllables = 0.65 + 0.35 * Math.sin(2 * Math.PI * 4 * seconds);
                    double edges = Math.min(1, Math.min(i, samples - i) / (0.02 * RATE));
                    sample = 0.3 * voice * syllables * edges;
                }
                data.putShort((short) Math.round(Math.max(-1, Math.min(1, sample)) * 32767));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, data.array());
        return file;
    }

    private static void header(ByteBuffer out, int dataBytes) {
        out.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        out.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                .putShort((short) 2).putShort((short) 16);
        out.put("data".getBytes()).putInt(dataBytes);
    }
}
