package dev.aivoicebot.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.safety.CallSid;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process writing a transcript is killed with SIGKILL mid-call: every line it wrote survives, and the only
 * possible damage is a torn last line, which a line-by-line reader can tell apart and skip.
 */
class TranscriptCrashTest {

    private static final Pattern LINE = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z (customer|assistant|system)( \\(interrupted\\))?: .*$");

    /** The child process: writes numbered lines as fast as it can until it is killed. */
    public static void main(String[] args) throws Exception {
        TranscriptWriter writer = new TranscriptWriter(Path.of(args[0]), Executors.newSingleThreadExecutor(),
                java.time.Clock.systemUTC(), new TranscriptMetrics(new SimpleMeterRegistry()));
        System.out.println("ready");
        System.out.flush();
        for (long n = 0; ; n++) {
            writer.customer("line " + n + " " + "words ".repeat(20));
            if (n % 100 == 0) {
                Thread.sleep(1);
            }
        }
    }

    @Test
    void killDashNineLosesAtMostATornLastLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("2026-11-24T10-00-00.000Z_CA0123456789abcdef0123456789abcdef.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TranscriptCrashTest.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try {
            String ready = new String(child.getInputStream().readNBytes(6), StandardCharsets.UTF_8);
            assertEquals("ready\n", ready);
            Thread.sleep(700);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush
            child.waitFor(10, TimeUnit.SECONDS);
        }

        String content = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = content.lines().toList();
        assertTrue(lines.size() > 100, "the child wrote lines: " + lines.size());
        boolean lastComplete = content.endsWith("\n");
        List<String> complete = lastComplete ? lines : lines.subList(0, lines.size() - 1);
        for (int i = 0; i < complete.size(); i++) {
            assertTrue(LINE.matcher(complete.get(i)).matches(), "line " + i + ": " + complete.get(i));
            assertTrue(complete.get(i).contains(" customer: line " + i + " "), "in order, none missing: " + i);
        }
    }

    @Test
    void closeWritesTheLastLineAndSyncs(@TempDir Path dir) throws IOException, InterruptedException {
        var io = Executors.newSingleThreadExecutor();
        TranscriptWriter writer = new TranscriptWriter(dir.resolve("t.txt"), io, java.time.Clock.systemUTC(),
                new TranscriptMetrics(new SimpleMeterRegistry()));
        writer.system("call started");
        writer.close("call ended: completed");
        writer.customer("too late");
        io.shutdown();
        assertTrue(io.awaitTermination(5, TimeUnit.SECONDS));
        List<String> lines = Files.readAllLines(dir.resolve("t.txt"));
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).endsWith(" system: call ended: completed"));
    }

    @Test
    void aTranscriptIsNamedByStartTimeAndCallSid(@TempDir Path dir) {
        TranscriptConfig config = TestTranscriptConfig.in(dir.toString());
        TranscriptStore store = new TranscriptStore(config, new TranscriptMetrics(new SimpleMeterRegistry()));
        Path file = store.open(new CallSid("CA0123456789abcdef0123456789abcdef"),
                Instant.parse("2026-11-24T10:15:30.123Z")).file();
        assertEquals(dir.resolve("2026-11-24T10-15-30.123Z_CA0123456789abcdef0123456789abcdef.txt"), file);
    }
}
