package dev.aivoicebot.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.aivoicebot.ServiceLog;
import dev.aivoicebot.safety.CallSid;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With TWILIO_SIGNATURE_VALIDATION=false, every body is parsed: a broken one is still the client's error. */
@QuarkusTest
@TestProfile(VoiceWebhookUnsignedTest.Unsigned.class)
class VoiceWebhookUnsignedTest {

    public static class Unsigned implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("twilio.signature-validation", "false");
        }
    }

    private static final String CALL_SID = "CA0123456789abcdef0123456789abcdef";

    @TestHTTPResource("/voice")
    URL webhook;

    @Test
    void aBodyWithBrokenPercentEncodingIs400AndLogsNoStackTrace() throws Exception {
        ServiceLog log = ServiceLog.mark();

        for (String body : new String[] {"CallSid=%zz", "CallSid=%E0%A4%A"}) {
            HttpResponse<String> response = VoiceWebhookResourceTest.raw(webhook, body, "application/x-www-form-urlencoded", null);
            assertEquals(400, response.statusCode(), response.body());
        }

        String logged = log.sinceMark();
        assertFalse(ServiceLog.hasStackTrace(logged), logged);
    }

    @Test
    void aWellFormedCallIsAnswered() throws Exception {
        assertEquals(200, VoiceWebhookResourceTest.raw(webhook, "CallSid=" + CALL_SID, "application/x-www-form-urlencoded",
                null).statusCode());
    }

    @Test
    void aBodyWithoutAContentTypeIs415() throws Exception {
        assertEquals(415, VoiceWebhookResourceTest.raw(webhook, "CallSid=" + CALL_SID, null, null).statusCode());
    }
}
