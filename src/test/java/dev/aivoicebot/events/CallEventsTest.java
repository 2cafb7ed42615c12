package dev.aivoicebot.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aivoicebot.events.FakeEventReceiver.Answer;
import dev.aivoicebot.events.FakeEventReceiver.Received;
import dev.aivoicebot.metrics.MetricsScrape;
import dev.aivoicebot.retention.RetentionSweep;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.SimulatorConfig;
import dev.aivoicebot.sim.TwilioCallSimulator;
import dev.aivoicebot.transcript.CallDetails;
import dev.aivoicebot.transcript.CallDetailsFile;
import dev.aivoicebot.transcript.CallFileName;
import dev.aivoicebot.transcript.NumberedLine;
import dev.aivoicebot.transcript.Speaker;
import dev.aivoicebot.transcript.TranscriptFile;
import dev.aivoicebot.transcript.TranscriptLine;
import dev.aivoicebot.transcript.TranscriptStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The business webhook end to end: the service POSTs each ended call to a business's endpoint on a real socket
 * (FakeEventReceiver checks signature, key and body), retries what failed, gives up on a refusal; retention sweeps
 * old calls with their events.
 */
@QuarkusTest
@WithTestResource(FakeEventReceiverResource.class)
class CallEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @InjectFakeEventReceiver
    FakeEventReceiver receiver;

    @Inject
    CallEvents events;

    @Inject
    TranscriptStore transcripts;

    @Inject
    RetentionSweep retention;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aRealCallIsDeliveredOnceSignedWithItsTranscriptAsTheFileHasIt() throws IOException {
        MetricsScrape before = MetricsScrape.now();
        String sid;
        try (TwilioCallSimulator twilio = new TwilioCallSimulator(SimulatorConfig.of(base.toString(),
                "https://voice.example.test", "canary-twilio-token-5f0e2b7c"))) {
            SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(2000).speech(1000).silence(1500)
                    .thenSilenceUntilHangUp());
            sid = call.identity().callSid();
            await("the caller's words are in the transcript", () -> lines(sid).stream()
                    .anyMatch(line -> line.line().speaker() == Speaker.CUSTOMER));
            call.hangUp();
        }
        await("the event is delivered", () -> !receiver.receivedFor(sid).isEmpty());
        await("the outbox is empty", () -> outboxFiles("pending", "claimed").isEmpty());
        List<Received> got = receiver.receivedFor(sid);
        assertEquals(1, got.size(), "delivered once");
        assertEquals(List.of(), got.get(0).problems(), "signature, Idempotency-Key and body as docs/events.md says");
        JsonNode event = got.get(0).json();
        List<NumberedLine> file = lines(sid);
        assertEquals(file.size(), event.get("transcript").size());
        for (int i = 0; i < file.size(); i++) {
            JsonNode line = event.get("transcript").get(i);
            TranscriptLine expected = file.get(i).line();
            assertEquals(file.get(i).seq(), line.get("seq").asInt());
            assertEquals(expected.at(), Instant.parse(line.get("at").asText()));
            assertEquals(expected.speaker().tag(), line.get("speaker").asText());
            assertEquals(expected.interrupted(), line.get("interrupted").asBoolean());
            assertEquals(expected.text(), line.get("text").asText());
        }
        assertTrue(file.get(file.size() - 1).line().text().startsWith("call ended:"), "the whole transcript");
        CallDetails details = CallDetailsFile.read(name(sid).details(transcripts.dir())).orElseThrow();
        assertEquals(details.endReason(), event.get("call").get("endReason").asText());
        assertEquals(details.endedAt(), Instant.parse(event.get("occurredAt").asText()));
        assertEquals(details.from(), event.get("call").get("from").asText());
        await("the metric counts it", () -> MetricsScrape.now()
                .delta(before, "call_events_total", "outcome=\"delivered\"") == 1);
    }

    @Test
    void failuresAreRetriedWithGrowingWaitsHonouringRetryAfterThenDeliveredOnce() throws IOException {
        MetricsScrape before = MetricsScrape.now();
        receiver.plan(new Answer(200, null, Duration.ofMillis(1500)), // slower than CALL_EVENTS_TIMEOUT (1s)
                new Answer(429, "2", Duration.ZERO), Answer.status(503));
        CallSid sid = endCall(Instant.now().minusSeconds(30));
        await("delivered", () -> receiver.receivedFor(sid.value()).size() == 4);
        List<Received> got = receiver.receivedFor(sid.value());
        assertEquals(List.of(200, 429, 503, 200), got.stream().map(Received::answered).toList(),
                "a timeout, a 429 and a 503 retried, then one 200");
        got.forEach(r -> assertEquals(List.of(), r.problems()));
        got.forEach(r -> assertArrayEquals(got.get(0).body(), r.body(), "the same event, byte for byte"));
        // waits: the 1 s timeout + 300 ms, ≥ 2 s as Retry-After asked (over the 600 ms backoff), ≥ 1.2 s
        assertTrue(gap(got, 1).toMillis() >= 1300, "first retry after " + gap(got, 1));
        assertTrue(gap(got, 2).toMillis() >= 1900, "Retry-After: 2 honoured, waited " + gap(got, 2));
        assertTrue(gap(got, 3).toMillis() >= 1200, "backoff doubled twice, waited " + gap(got, 3));
        await("the entry is gone", () -> outboxFiles("pending", "claimed", "dead").stream()
                .noneMatch(f -> f.contains(sid.value())));
        await("metrics", () -> {
            MetricsScrape now = MetricsScrape.now();
            return now.delta(before, "call_events_total", "outcome=\"retried\"") == 3
                    && now.delta(before, "call_events_total", "outcome=\"delivered\"") == 1;
        });
    }

    @Test
    void aRefusalIsGivenUpAtOnceAndKeptAsDead() throws IOException, InterruptedException {
        MetricsScrape before = MetricsScrape.now();
        receiver.plan(Answer.status(422));
        CallSid sid = endCall(Instant.now().minusSeconds(30));
        await("given up", () -> outboxFiles("dead").stream().anyMatch(f -> f.contains(sid.value())));
        Thread.sleep(1500); // longer than the first retry would wait
        assertEquals(List.of(422), receiver.receivedFor(sid.value()).stream().map(Received::answered).toList());
        assertTrue(outboxFiles("pending", "claimed").isEmpty());
        await("metric", () -> MetricsScrape.now().delta(before, "call_events_total", "outcome=\"dead\"") == 1);
        MetricsScrape scrape = MetricsScrape.now();
        assertTrue(scrape.has("call_events_pending"), () -> "the pending gauge is published: " + scrape.text().lines()
                .filter(l -> l.contains("call_events")).toList());
    }

    @Test
    void retentionDeletesAnOldCallsFilesAndOutboxEntryAndKeepsANewOne() throws IOException {
        CallFileName old = new CallFileName(Instant.now().minus(Duration.ofDays(100)).truncatedTo(ChronoUnit.MILLIS),
                FakeEventReceiverResource.randomSid());
        CallFileName recent = new CallFileName(Instant.now().minus(Duration.ofDays(80)).truncatedTo(ChronoUnit.MILLIS),
                FakeEventReceiverResource.randomSid());
        Path dir = transcripts.dir();
        for (CallFileName call : List.of(old, recent)) {
            Files.writeString(call.transcript(dir), new TranscriptLine(call.startedAt(), Speaker.SYSTEM, false,
                    "call started from +15550100 to +15550199").format());
            CallDetailsFile.write(call.details(dir), FakeEventReceiverResource.details(call, call.startedAt().plusSeconds(5)));
            // a given-up event, named as FileOutbox names one
            Path dead = Files.createDirectories(dir.resolve("outbox/dead"));
            Files.write(dead.resolve(call.base() + ".3.1700000000000.json"), new byte[] {'{', '}'});
        }

        Map<String, Integer> removed = retention.sweep();

        // no DB_URL here: the database eraser keeps nothing and erases nothing
        assertEquals(Map.of("files", 1, "outbox", 1, "database", 0), Map.copyOf(removed), "one call from each: " + removed);
        assertFalse(Files.exists(old.transcript(dir)));
        assertFalse(Files.exists(old.details(dir)));
        assertTrue(Files.exists(recent.transcript(dir)));
        assertTrue(Files.exists(recent.details(dir)));
        List<String> dead = outboxFiles("dead");
        assertTrue(dead.stream().noneMatch(f -> f.contains(old.callSid().value())), dead.toString());
        assertTrue(dead.stream().anyMatch(f -> f.contains(recent.callSid().value())), dead.toString());
    }

    /** A call's files as the service writes them, then its end as the transcript reports it. */
    private CallSid endCall(Instant startedAt) throws IOException {
        CallFileName name = new CallFileName(startedAt.truncatedTo(ChronoUnit.MILLIS),
                FakeEventReceiverResource.randomSid());
        Path dir = transcripts.dir();
        Files.writeString(name.transcript(dir),
                new TranscriptLine(name.startedAt(), Speaker.SYSTEM, false, "call started from +15550100 to +15550199")
                        .format() + new TranscriptLine(name.startedAt().plusSeconds(2), Speaker.CUSTOMER, false,
                                "hello there").format());
        CallDetails details = FakeEventReceiverResource.details(name, name.startedAt().plusSeconds(10));
        CallDetailsFile.write(name.details(dir), details);
        events.ended(dir, name, details);
        return name.callSid();
    }

    private List<NumberedLine> lines(String sid) {
        try {
            CallFileName name = name(sid);
            return name == null ? List.of() : TranscriptFile.readFrom(name.transcript(transcripts.dir()), 0, 0).lines();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CallFileName name(String sid) throws IOException {
        return TranscriptFile.list(transcripts.dir()).stream().filter(n -> n.callSid().value().equals(sid))
                .findFirst().orElse(null);
    }

    private List<String> outboxFiles(String... states) {
        return Stream.of(states).map(s -> transcripts.dir().resolve("outbox").resolve(s)).filter(Files::isDirectory)
                .flatMap(d -> {
                    try (Stream<Path> files = Files.list(d)) {
                        return files.map(f -> f.getFileName().toString()).toList().stream();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
    }

    private static Duration gap(List<Received> got, int i) {
        return Duration.between(got.get(i - 1).at(), got.get(i).at());
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
