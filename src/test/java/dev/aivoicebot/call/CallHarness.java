package dev.aivoicebot.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.emulator.EmulatorSession;
import dev.aivoicebot.emulator.SchemaValidatingInspector;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.SimulatorConfig;
import dev.aivoicebot.transcript.CallDetails;
import dev.aivoicebot.transcript.CallDetailsFile;
import dev.aivoicebot.transcript.CallFileName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** What end-to-end call tests share: the simulator's settings, finding a call's emulator session and transcript. */
final class CallHarness {

    static final String PUBLIC_BASE_URL = "https://voice.example.test";
    static final String AUTH_TOKEN = "canary-twilio-token-5f0e2b7c";
    static final String OPENAI_KEY = "sk-canary-openai-key-9d41a6e3";
    static final Path TRANSCRIPTS = Path.of("target/test-transcripts");
    static final Duration WAIT = Duration.ofSeconds(20);

    private CallHarness() {
    }

    static SimulatorConfig simulator(String localBaseUrl) {
        return SimulatorConfig.of(localBaseUrl, PUBLIC_BASE_URL, AUTH_TOKEN);
    }

    /** The single session opened after {@code before} sessions existed. */
    static EmulatorSession newSession(EmulatorRecorder emulator, List<EmulatorSession> before) {
        await("an emulator session opens", () -> emulator.sessions().stream().anyMatch(s -> !before.contains(s)));
        return emulator.sessions().stream().filter(s -> !before.contains(s)).findFirst().orElseThrow();
    }

    static void assertSchemaClean(SchemaValidatingInspector schemas, EmulatorSession session) {
        assertEquals(List.of(), schemas.violations(session.id()), "client events that break OpenAI's schemas");
    }

    static void assertNoSimulatorProblems(SimulatedCall call) {
        assertTrue(call.problems().isEmpty(), () -> "simulator saw protocol problems: " + call.problems());
        assertTrue(call.streamSidMismatches().isEmpty(), () -> "wrong streamSid: " + call.streamSidMismatches());
    }

    /** Waits until the call's transcript has its last line, then returns all lines. */
    static List<String> finishedTranscript(String callSid) {
        await("transcript of " + callSid + " is closed",
                () -> transcriptFile(callSid).map(CallHarness::read).map(l -> !l.isEmpty()
                        && l.get(l.size() - 1).contains(" system: call ended:")).orElse(false));
        return read(transcriptFile(callSid).orElseThrow());
    }

    /** Waits until the call's details sidecar is written (after its transcript's last line), then reads it. */
    static CallDetails finishedDetails(String callSid) {
        await("details of " + callSid + " are written", () -> transcriptFile(callSid)
                .flatMap(CallFileName::of).map(name -> Files.exists(name.details(TRANSCRIPTS))).orElse(false));
        try {
            return CallDetailsFile.read(CallFileName.of(transcriptFile(callSid).orElseThrow()).orElseThrow()
                    .details(TRANSCRIPTS)).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Path> transcriptFile(String callSid) {
        if (!Files.isDirectory(TRANSCRIPTS)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(TRANSCRIPTS)) {
            return files.filter(f -> f.getFileName().toString().endsWith("_" + callSid + ".txt")).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(List<byte[]> parts) {
        int length = parts.stream().mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting until " + what);
            }
        }
    }
}
