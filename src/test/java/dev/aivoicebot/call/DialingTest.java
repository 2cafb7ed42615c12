package dev.aivoicebot.call;

import dev.aivoicebot.sim.TwilioCallSimulator;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Where every whole-call test starts: the service under test and a Twilio simulator dialing it, hung up after
 * each test. Works for {@code @QuarkusTest} and for {@code @QuarkusIntegrationTest} (the packaged app).
 */
abstract class DialingTest {

    @TestHTTPResource("/")
    URL base;

    TwilioCallSimulator twilio;

    @BeforeEach
    void dial() {
        beforeDialing();
        twilio = new TwilioCallSimulator(CallHarness.simulator(base.toString()));
    }

    /** What a test class needs before its simulator dials (e.g. earlier calls to have ended). */
    void beforeDialing() {
    }

    /** What a test class needs once every call is hung up (e.g. the service to have seen them end). */
    void afterHangingUp() {
    }

    @AfterEach
    void hangUpEverything() {
        twilio.close();
        afterHangingUp();
    }
}
