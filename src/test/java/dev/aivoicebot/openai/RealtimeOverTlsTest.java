package dev.aivoicebot.openai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.SimulatorConfig;
import dev.aivoicebot.sim.TwilioCallSimulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A call whose Realtime session goes to a {@code wss://} upstream with a certificate from a private CA, trusted
 * through {@code openai.tls-configuration-name}: the caller hears the upstream's greeting byte for byte.
 */
@QuarkusTest
@WithTestResource(TlsRealtimeServerResource.class)
class RealtimeOverTlsTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL base;

    TlsRealtimeServer upstream;

    @Test
    void theCallerHearsTheGreetingOfAnUpstreamSignedByTheConfiguredCa() {
        try (TwilioCallSimulator twilio = new TwilioCallSimulator(simulator(base))) {
            SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());

            byte[] heard = call.awaitAudio(TlsRealtimeServer.GREETING_AUDIO.length, WAIT);
            assertArrayEquals(TlsRealtimeServer.GREETING_AUDIO, heard);
            Config config = ConfigProvider.getConfig();
            assertEquals("Bearer " + config.getValue("openai.api-key", String.class),
                    upstream.handshakes().get(0).authorization());
            assertEquals("model=gpt-realtime", upstream.handshakes().get(0).query());
            assertEquals("session.update", upstream.clientEventTypes().get(0));
            assertTrue(upstream.connectionFailures().isEmpty(), () -> upstream.connectionFailures().toString());
            call.hangUp();
        }
    }

    /** The simulator dials the service as Twilio would, signing for the public URL from the test settings. */
    static SimulatorConfig simulator(URL base) {
        Config config = ConfigProvider.getConfig();
        return SimulatorConfig.of(base.toString(), config.getValue("twilio.public-base-url", String.class),
                config.getValue("twilio.auth-token", String.class));
    }
}
