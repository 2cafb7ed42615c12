package dev.aivoicebot.emulator;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The uncommitted input audio, addressed in audio milliseconds on the session's clock: its first byte is
 * byte {@code start} of all audio the session received, so VAD boundaries index straight into it.
 */
final class InputBuffer {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long start;

    void append(byte[] audio) {
        bytes.writeBytes(audio);
    }

    long millis() {
        return MuLaw.millis(bytes.size());
    }

    /** The audio between two session times, clipped to what is still buffered. */
    byte[] slice(long fromMs, long toMs) {
        byte[] all = bytes.toByteArray();
        int from = (int) Math.max(0, fromMs * MuLaw.BYTES_PER_MS - start);
        int to = (int) Math.min(all.length, toMs * MuLaw.BYTES_PER_MS - start);
        return Arrays.copyOfRange(all, from, Math.max(from, to));
    }

    /** Empties the buffer, returning what it held. */
    byte[] takeAll() {
        byte[] all = bytes.toByteArray();
        bytes.reset();
        start += all.length;
        return all;
    }

    /** Forgets audio before {@code audioMs}; cheap because it runs on short idle buffers and once per turn. */
    void dropBefore(long audioMs) {
        int drop = (int) Math.min(bytes.size(), Math.max(0, audioMs * MuLaw.BYTES_PER_MS - start));
        if (drop > 0) {
            byte[] all = bytes.toByteArray();
            bytes.reset();
            bytes.write(all, drop, all.length - drop);
            start += drop;
        }
    }
}
