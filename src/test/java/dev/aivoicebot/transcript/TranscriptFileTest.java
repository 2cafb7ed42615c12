package dev.aivoicebot.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.safety.CallSid;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record of a call on file, written by the real writer and read back as the calls API and the sync read it. */
class TranscriptFileTest {

    private static final CallSid SID = new CallSid("CA0123456789abcdef0123456789abcdef");
    private static final Instant START = Instant.parse("2026-11-24T10:15:30.123Z");

    @TempDir
    Path dir;

    @Test
    void aClosedCallReadsBackWithItsLinesAndDetails() throws Exception {
        ExecutorService io = Executors.newSingleThreadExecutor();
        CallFileName name = new CallFileName(START, SID);
        TranscriptWriter writer = new TranscriptWriter(name.transcript(dir), io, java.time.Clock.systemUTC(),
                new TranscriptMetrics(new SimpleMeterRegistry()), PersonalDataMask.cardsOnly(), null, null);
        writer.system("call started from +15550100 to +15550199");
        writer.customer("my card is 4111 1111 1111 1111");
        writer.assistant("Thanks", true);
        writer.close("call ended: caller hung up after 3.0 s", CallDetails.builder().from("+15550100").to("+15550199")
                .endReason("CALLER_HUNG_UP", "caller hung up").recordingSid("RE0123456789abcdef0123456789abcdef")
                .summary("Caller gave card 4111 1111 1111 1111\nand hung up.")
                .outcome(new ObjectMapper().readTree("{\"resolved\": true, \"topic\": \"billing\"}"))
                .usage(new CallDetails.Usage(10, 2000, 5, 1500, 30, 4000)).costUsd(0.0421));
        io.shutdown();
        assertTrue(io.awaitTermination(5, TimeUnit.SECONDS));

        CallRecord call = TranscriptFile.read(dir, name).orElseThrow();
        assertFalse(call.live());
        assertEquals(List.of(0, 1, 2, 3), call.lines().stream().map(NumberedLine::seq).toList());
        assertEquals(Files.readAllLines(name.transcript(dir)),
                call.lines().stream().map(l -> l.line().format().strip()).toList(), "the lines as the file has them");
        assertEquals("my card is [card ending 1111]", call.lines().get(1).line().text());
        assertTrue(call.lines().get(2).line().interrupted());

        CallDetails details = call.details();
        assertEquals(SID.value(), details.callSid());
        assertEquals(START, details.startedAt());
        assertEquals(call.lines().get(3).line().at(), details.endedAt());
        assertEquals(details.endedAt().toEpochMilli() - START.toEpochMilli(), details.durationMs());
        assertEquals("inbound", details.direction());
        assertEquals("Caller gave card [card ending 1111] and hung up.", details.summary(), "masked like a line");
        assertEquals("billing", details.outcome().path("topic").asText());
        assertEquals(new CallDetails.Usage(10, 2000, 5, 1500, 30, 4000), details.usage());
        assertEquals(0.0421, details.costUsd());
        assertNull(details.profile());
        assertNull(details.transferTarget());
        assertEquals(List.of(name), TranscriptFile.list(dir));
        assertFalse(Files.exists(dir.resolve(name.base() + ".json.tmp")), "no temporary file left");
    }

    @Test
    void aLiveCallHasNoDetailsAndOnlyItsCompleteLines() throws IOException {
        CallFileName name = new CallFileName(START, SID);
        String first = new TranscriptLine(START, Speaker.SYSTEM, false, "call started").format();
        Files.writeString(name.transcript(dir), first + "2026-11-24T10:15:31.000Z assistant: Hel");

        CallRecord call = TranscriptFile.read(dir, name).orElseThrow();
        assertTrue(call.live());
        assertNull(call.details());
        assertEquals(1, call.lines().size(), "the line being written is not read yet");
    }

    @Test
    void tailingReadsEachCompleteLineOnceWithStableNumbers() throws IOException {
        Path file = new CallFileName(START, SID).transcript(dir);
        String a = new TranscriptLine(START, Speaker.SYSTEM, false, "a").format();
        String b = new TranscriptLine(START, Speaker.CUSTOMER, false, "b – ü").format();
        String c = new TranscriptLine(START, Speaker.ASSISTANT, false, "c").format();
        Files.writeString(file, a + "garbled\n" + b.substring(0, 30));

        TranscriptFile.Chunk first = TranscriptFile.readFrom(file, 0, 0);
        assertEquals(List.of("a"), texts(first));
        assertEquals(2, first.nextSeq(), "the garbled line keeps its number");
        assertEquals((a + "garbled\n").getBytes(StandardCharsets.UTF_8).length, first.nextOffset());

        Files.writeString(file, b.substring(30) + c, StandardOpenOption.APPEND);
        TranscriptFile.Chunk second = TranscriptFile.readFrom(file, first.nextOffset(), first.nextSeq());
        assertEquals(List.of("b – ü", "c"), texts(second));
        assertEquals(List.of(2, 3), second.lines().stream().map(NumberedLine::seq).toList());
        assertEquals(Files.size(file), second.nextOffset());
        assertEquals(List.of(), TranscriptFile.readFrom(file, second.nextOffset(), second.nextSeq()).lines());
    }

    @Test
    void aDirectoryWithoutCallsOrWithoutATranscriptReadsAsNothing() throws IOException {
        assertEquals(List.of(), TranscriptFile.list(dir.resolve("missing")));
        Files.writeString(dir.resolve("notes.txt"), "x\n");
        assertEquals(List.of(), TranscriptFile.list(dir));
        assertEquals(Optional.empty(), TranscriptFile.read(dir, new CallFileName(START, SID)));
    }

    private static List<String> texts(TranscriptFile.Chunk chunk) {
        return chunk.lines().stream().map(l -> l.line().text()).toList();
    }
}
