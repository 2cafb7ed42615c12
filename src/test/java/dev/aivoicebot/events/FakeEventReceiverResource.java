package dev.aivoicebot.events;

import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.transcript.CallDetails;
import dev.aivoicebot.transcript.CallFileName;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts a {@link FakeEventReceiver} and points CALL_EVENTS_URL at it, with a LOG_DIR of the test class's own and
 * quick retries. With the argument {@code leftOver=true} it plays the previous run of the service first: before
 * the application starts, that LOG_DIR's outbox holds one pending event and one claimed by a replica that died
 * mid-attempt ({@link #LEFT_OVER}).
 */
public class FakeEventReceiverResource implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "call-events-canary-3e8d1f27a4";
    /** The CallSids of the events a previous run left in the outbox, when asked to (fixed: read from two class loaders). */
    public static final List<String> LEFT_OVER = List.of("CA00000000000000000000000000000a11",
            "CA00000000000000000000000000000a12");

    private FakeEventReceiver receiver;
    private Path logDir;
    private boolean leftOver;

    @Override
    public void init(Map<String, String> args) {
        leftOver = Boolean.parseBoolean(args.getOrDefault("leftOver", "false"));
    }

    @Override
    public Map<String, String> start() {
        try {
            receiver = new FakeEventReceiver(SECRET);
            logDir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()),
                    "events-log-dir-");
            if (leftOver) {
                leaveEvents();
            }
            return Map.of("call-events.url", receiver.url(), "call-events.signing-secret", SECRET,
                    "call-events.retry-delay", "300ms", "call-events.timeout", "1s",
                    "call-events.max-attempts", "6", "transcript.dir", logDir.toString(),
                    "retention.period", "90d");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a service that stopped (or died) with undelivered events leaves in its outbox. */
    private void leaveEvents() throws IOException {
        FileOutbox previous = new FileOutbox(logDir.resolve("outbox"), "replica-that-died");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (String sid : LEFT_OVER) {
            CallFileName name = new CallFileName(now.minusSeconds(120), new CallSid(sid));
            previous.put(name, event(name, now.minusSeconds(60)));
        }
        // the second one was being delivered when its replica died: claimed, with a lease that has ended
        previous.claim(Instant.now(), Instant.now().minusSeconds(1)).orElseThrow();
    }

    static byte[] event(CallFileName name, Instant endedAt) {
        return CallEndedEvent.of(details(name, endedAt), List.of()).toJson();
    }

    static CallDetails details(CallFileName name, Instant endedAt) {
        return new CallDetails(name.callSid().value(), CallDetails.INBOUND, "+15550100", "+15550199",
                null, name.startedAt(), endedAt, endedAt.toEpochMilli() - name.startedAt().toEpochMilli(),
                "CALLER_HUNG_UP", "caller hung up", null, null, null, null, null, null);
    }

    static CallSid randomSid() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return new CallSid("CA" + HexFormat.of().formatHex(bytes));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(receiver,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeEventReceiver.class, FakeEventReceiver.class));
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }
}
