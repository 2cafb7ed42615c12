package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.WAIT;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.sim.CallRecording.ClosedBy;
import dev.aivoicebot.sim.CallRecording.CloseRecord;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.TwilioCallSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An OpenAI that never answers: the first connection never completes its WebSocket handshake, the later
 * ones open but never confirm {@code session.update}. Both count as failures: retried, then the apology.
 */
@QuarkusTest
@TestProfile(SilentUpstreamTest.SilentOpenAi.class)
class SilentUpstreamTest {

    public static class SilentOpenAi implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("emulator.enabled", "false", "openai.connect-timeout", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SilentServer.class));
        }
    }

    /** A real server on loopback that accepts connections and then says nothing. */
    public static class SilentServer implements QuarkusTestResourceLifecycleManager {
        static final AtomicInteger CONNECTIONS = new AtomicInteger();
        private Vertx vertx;

        @Override
        public Map<String, String> start() {
            vertx = Vertx.vertx();
            HttpServer server = vertx.createHttpServer().requestHandler(request -> {
                if (CONNECTIONS.incrementAndGet() > 1) {
                    request.toWebSocket(); // open, then silence: no session.created, no session.updated
                } // else: never answer the handshake at all
            });
            try {
                server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Map.of("openai.realtime-url", "ws://127.0.0.1:" + server.actualPort() + "/v1/realtime");
        }

        @Override
        public void stop() {
            vertx.close();
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void aSilentOpenAiIsRetriedThenTheCallerHearsTheApology() {
        try (TwilioCallSimulator twilio = new TwilioCallSimulator(CallHarness.simulator(base.toString()))) {
            SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(100).thenSilenceUntilHangUp());
            CloseRecord close = call.awaitClose(WAIT);
            assertEquals(ClosedBy.SERVICE, close.by());
            assertEquals(1000, close.code());
            assertTrue(CallEndToEndTest.endsWith(call.receivedAudio(), CallEndToEndTest.prompt("prompts/apology.ulaw")),
                    "the recorded apology played");
            assertEquals(1 + CallSession.MAX_RECONNECTS, SilentServer.CONNECTIONS.get(), "first try plus 3 retries");
            List<String> transcript = finishedTranscript(call.identity().callSid());
            assertTrue(transcript.stream().anyMatch(l -> l.contains("Realtime connect failed: timed out")),
                    transcript::toString);
            assertTrue(transcript.stream().anyMatch(l -> l.contains("no session.updated within 1 s")),
                    transcript::toString);
            assertTrue(transcript.get(transcript.size() - 1).contains("call ended: upstream failure"));
        }
    }
}
