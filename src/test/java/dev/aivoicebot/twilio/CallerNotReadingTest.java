package dev.aivoicebot.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aivoicebot.call.CallRegistry;
import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.metrics.MetricsScrape;
import dev.aivoicebot.twilio.RawStream.Closed;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A Twilio side that keeps sending but stops reading: the audio we owe it must not pile up in our heap. What the
 * caller is finally given, once it reads again, is what was queued for it. The
 * emulator's greeting is stretched to 19 minutes of audio, generated in a few seconds.
 */
@QuarkusTest
@TestProfile(CallerNotReadingTest.LongFastGreeting.class)
class CallerNotReadingTest {

    public static class LongFastGreeting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // "Hi, how can I help?" is 19 characters: 19 min of audio (12 MB of media messages, well beyond the
            // bound plus the few MB the kernel's socket buffers take), in 1 s deltas 1 ms apart.
            return Map.of("emulator.tone-ms-per-character", "60s", "emulator.tone-max", "20m",
                    "emulator.delta-audio", "1s", "emulator.delta-interval", "1ms");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    CallRegistry calls;

    @Inject
    EmulatorRecorder emulator;

    @Test
    void aCallerThatStopsReadingIsClosed1008AndItsBacklogStaysBounded() throws Exception {
        String callSid = RawStream.sid("CA");
        String streamSid = RawStream.sid("MZ");
        String token = RawStream.token(callSid, 60);
        MetricsScrape before = MetricsScrape.now();
        ScheduledExecutorService talker = Executors.newSingleThreadScheduledExecutor();
        try (RawSocket caller = RawSocket.open(base, 4096)) {
            caller.sendText(RawStream.start(callSid, streamSid, Map.of("streamToken", token)));
            // Twilio's pace, so the stream is never idle; and never a read until the call has ended.
            String silence = RawStream.silence(1, streamSid).get(0);
            talker.scheduleAtFixedRate(() -> caller.sendText(silence), 20, 20, TimeUnit.MILLISECONDS);
            awaitUntil(() -> calls.activeCount() == 1, "the call starts");
            awaitUntil(() -> calls.activeCount() == 0, "the call ends");
            awaitUntil(() -> emulator.liveSessions().isEmpty(), "its OpenAI session closes"); // and frees its queue
            talker.shutdownNow();
            talker.awaitTermination(1, TimeUnit.SECONDS);

            Closed closed = caller.awaitClose(); // takes the backlog, then the close frame
            long backlog = caller.receivedBeforeClose();
            assertEquals(new Closed(1008, "caller not reading audio"), closed);
            // The bound, plus what the kernel's socket buffers took before the caller stopped (a few MB on
            // loopback); unbounded, the 19-minute answer queues ~12 MB.
            assertTrue(backlog < TwilioStream.MAX_UNSENT_BYTES + 5 * 1024 * 1024,
                    "the caller was owed " + backlog / 1024 + " KiB when the call ended");
        } finally {
            talker.shutdownNow();
        }
        assertEquals(1, MetricsScrape.now().delta(before, "calls_ended_total", "reason=\"caller-not-reading\""));
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            sleep(20);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
