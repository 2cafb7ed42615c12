package dev.aivoicebot.openai;

import static dev.aivoicebot.openai.RealtimeOverTlsTest.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.sim.CallRecording.ClosedBy;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.TwilioCallSimulator;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** Without the named TLS configuration the private CA is not trusted: no session opens and the call ends. */
@QuarkusTest
@WithTestResource(value = TlsRealtimeServerResource.class, initArgs = @ResourceArg(name = "trusted", value = "false"))
class RealtimeOverTlsUntrustedTest {

    @TestHTTPResource("/")
    URL base;

    TlsRealtimeServer upstream;

    @Test
    void anUpstreamCertificateFromAnUnknownCaIsRefused() throws InterruptedException {
        try (TwilioCallSimulator twilio = new TwilioCallSimulator(RealtimeOverTlsTest.simulator(base))) {
            SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());

            assertEquals(ClosedBy.SERVICE, call.awaitClose(WAIT).by());
            assertTrue(upstream.handshakes().isEmpty(), "no WebSocket session was opened");
            // the server learns of the refused handshake about when the service gives up on it
            for (int i = 0; i < 100 && upstream.connectionFailures().isEmpty(); i++) {
                Thread.sleep(20);
            }
            assertTrue(upstream.connectionFailures().stream().anyMatch(f -> f.toString().contains("SSL")),
                    () -> "the TLS handshake failed: " + upstream.connectionFailures());
        }
    }
}
