package dev.aivoicebot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The log file the service writes during the tests ({@code quarkus.log.file.path} in the test settings), read from
 * a mark on, so a test sees only what its own requests made the service log.
 */
public final class ServiceLog {

    public static final Path FILE = Path.of("target/test-service.log");

    private final long start;

    private ServiceLog(long start) {
        this.start = start;
    }

    public static ServiceLog mark() {
        return new ServiceLog(size());
    }

    /**
     * What was logged since the mark, once the file has stopped growing for a moment (log lines can trail the answer).
     * A file shorter than the mark was rotated meanwhile, and is read whole.
     */
    public String sinceMark() {
        try {
            for (long last = -1, now = size(); now != last; now = size()) {
                last = now;
                Thread.sleep(150);
            }
            if (!Files.exists(FILE)) {
                return "";
            }
            byte[] all = Files.readAllBytes(FILE);
            return new String(Arrays.copyOfRange(all, all.length < start ? 0 : (int) start, all.length), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code log} holds a Java stack trace (its "at …" frames or a "Caused by:" line). */
    public static boolean hasStackTrace(String log) {
        return log.lines().anyMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by: "));
    }

    private static long size() {
        try {
            return Files.exists(FILE) ? Files.size(FILE) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
