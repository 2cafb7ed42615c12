package dev.aivoicebot.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.transcript.CallFileName;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replicas sharing one outbox directory (as pods share a volume): an entry is claimed by exactly one of them, and
 * delivered once; a claim whose replica died is taken over only once its lease has ended.
 */
class OutboxClaimTest {

    @TempDir
    Path dir;

    private FakeEventReceiver receiver;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @BeforeEach
    void start() throws IOException {
        receiver = new FakeEventReceiver(FakeEventReceiverResource.SECRET);
    }

    @AfterEach
    void stop() {
        receiver.close();
        threads.shutdownNow();
    }

    @Test
    void ofReplicasRacingForOneEntryExactlyOneClaimsIt() throws Exception {
        for (int round = 0; round < 100; round++) {
            Path outbox = dir.resolve("race-" + round);
            new FileOutbox(outbox, "writer").put(call(), FakeEventReceiverResource.event(call(), Instant.now()));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<OutboxEntry>>> claims = new ArrayList<>();
            for (String replica : List.of("a", "b", "c", "d")) {
                FileOutbox mine = new FileOutbox(outbox, replica);
                claims.add(threads.submit(() -> {
                    go.await();
                    return mine.claim(Instant.now(), Instant.now().plusSeconds(60));
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<Optional<OutboxEntry>> claim : claims) {
                won += claim.get().isPresent() ? 1 : 0;
            }
            assertEquals(1, won, "round " + round);
        }
    }

    @Test
    void twoReplicasDeliveringOneOutboxSendEachEventOnce() throws Exception {
        Path outbox = dir.resolve("outbox");
        FileOutbox writer = new FileOutbox(outbox, "writer");
        Set<String> sids = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            CallFileName call = call();
            writer.put(call, FakeEventReceiverResource.event(call, Instant.now()));
            sids.add(call.callSid().value());
        }
        List<CallEventDelivery> replicas = List.of(delivery(outbox, "a"), delivery(outbox, "b"));
        replicas.forEach(CallEventDelivery::start);
        try {
            CallEventsTest.await("every event is delivered",
                    () -> receiver.received().stream().map(FakeEventReceiver.Received::idempotencyKey)
                            .distinct().count() == sids.size());
            Thread.sleep(1500); // a poll more on each replica
        } finally {
            replicas.forEach(CallEventDelivery::stop);
        }
        List<String> got = receiver.received().stream().map(FakeEventReceiver.Received::idempotencyKey).toList();
        assertEquals(sids.size(), got.size(), "no event twice: " + got);
        assertEquals(sids, Set.copyOf(got));
        assertEquals(0, writer.pending());
    }

    @Test
    void aClaimIsTakenOverOnlyAfterItsLeaseEnds() throws IOException {
        Path outbox = dir.resolve("outbox");
        FileOutbox died = new FileOutbox(outbox, "died");
        FileOutbox alive = new FileOutbox(outbox, "alive");
        CallFileName call = call();
        died.put(call, FakeEventReceiverResource.event(call, Instant.now()));
        Instant now = Instant.now();
        OutboxEntry first = died.claim(now, now.plusSeconds(30)).orElseThrow();
        assertEquals(0, first.attempts());

        assertTrue(alive.claim(now.plusSeconds(29), now.plusSeconds(90)).isEmpty(), "the lease holds");
        OutboxEntry taken = alive.claim(now.plusSeconds(31), now.plusSeconds(90)).orElseThrow();
        assertEquals(call.callSid(), taken.callSid());
        assertEquals(1, taken.attempts(), "the abandoned attempt counts");
        died.done(first); // the dead replica's late word changes nothing: the claim is no longer its
        assertEquals(1, alive.pending());
        alive.done(taken);
        assertEquals(0, alive.pending());
    }

    @Test
    void eraseAndRetentionRemoveEntriesInEveryState() throws IOException {
        Path outbox = dir.resolve("outbox");
        FileOutbox box = new FileOutbox(outbox, "a");
        CallFileName old = new CallFileName(Instant.now().minus(Duration.ofDays(100)).truncatedTo(ChronoUnit.MILLIS),
                FakeEventReceiverResource.randomSid());
        CallFileName recent = call();
        CallFileName erased = call();
        for (CallFileName c : List.of(old, recent, erased)) {
            box.put(c, FakeEventReceiverResource.event(c, Instant.now()));
        }
        OutboxEntry claimed = box.claim(Instant.now(), Instant.now().plusSeconds(60)).orElseThrow();
        box.dead(claimed);

        assertEquals(1, box.erase(erased.callSid()));
        assertEquals(0, box.erase(erased.callSid()), "already gone");
        assertEquals(1, box.eraseStartedBefore(Instant.now().minus(Duration.ofDays(90))));
        assertEquals(1, box.erase(recent.callSid()) + box.erase(old.callSid()), "only the recent one was left");
    }

    private CallEventDelivery delivery(Path outbox, String replica) {
        return new CallEventDelivery(new FileOutbox(outbox, replica),
                new CallEventSender(java.net.URI.create(receiver.url()), Optional.of(FakeEventReceiverResource.SECRET),
                        Duration.ofSeconds(5), Clock.systemUTC()),
                new CallEventMetrics(new SimpleMeterRegistry()),
                new CallEventDelivery.Policy(5, Duration.ofHours(1), Duration.ofMillis(200), Duration.ofSeconds(5)),
                Clock.systemUTC());
    }

    private static CallFileName call() {
        CallSid sid = FakeEventReceiverResource.randomSid();
        return new CallFileName(Instant.now().truncatedTo(ChronoUnit.MILLIS), sid);
    }
}
