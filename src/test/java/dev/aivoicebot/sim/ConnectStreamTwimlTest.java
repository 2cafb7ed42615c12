package dev.aivoicebot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectStreamTwimlTest {

    @Test
    void readsStreamUrlParametersAndTheHangupAfterConnect() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Response>
                  <Connect>
                    <Stream url="wss://voice.example.test/voice/stream">
                      <Parameter name="callToken" value="abc.123"/>
                      <Parameter name="from" value="+15005550006"/>
                    </Stream>
                  </Connect>
                  <Hangup/>
                </Response>
                """;
        ConnectStreamTwiml twiml = ConnectStreamTwiml.parse(xml);
        assertEquals("wss://voice.example.test/voice/stream", twiml.streamUrl());
        assertEquals(Map.of("callToken", "abc.123", "from", "+15005550006"), twiml.parameters());
        assertEquals("callToken", twiml.parameters().keySet().iterator().next(), "document order is kept");
        assertTrue(twiml.hangupFollows());
        assertEquals(xml, twiml.rawXml());
    }

    @Test
    void reportsAMissingHangupWithoutFailing() {
        ConnectStreamTwiml twiml = ConnectStreamTwiml.parse(
                "<Response><Connect><Stream url=\"wss://h.test/s\"/></Connect></Response>");
        assertFalse(twiml.hangupFollows());
        assertTrue(twiml.parameters().isEmpty());
    }

    @Test
    void explainsWhyAOneWayStreamIsWrong() {
        TwimlException e = assertThrows(TwimlException.class, () -> ConnectStreamTwiml.parse(
                "<Response><Start><Stream url=\"wss://h.test/s\"/></Start></Response>"));
        assertTrue(e.getMessage().contains("one-way"), e.getMessage());
    }

    @Test
    void rejectsWhatTwilioCannotUse() {
        assertRejected("not xml", "well-formed");
        assertRejected("<Reply/>", "root must be <Response>");
        assertRejected("<Response><Say>hi</Say></Response>", "no <Connect>");
        assertRejected("<Response><Connect/></Response>", "exactly one <Stream>");
        assertRejected("<Response><Connect><Stream/></Connect></Response>", "no url");
        assertRejected("<Response><Connect><Stream url=\"ws://h.test/s\"/></Connect></Response>", "wss://");
        assertRejected("<Response><Connect><Stream url=\"/voice/stream\"/></Connect></Response>", "wss://");
        assertRejected("<Response><Connect><Stream url=\"wss://h.test/s?token=1\"/></Connect></Response>", "query");
        assertRejected("<Response><Connect><Stream url=\"wss://h.test/s\"><Parameter name=\"a\"/></Stream></Connect></Response>",
                "name and value");
        assertRejected("<Response><Connect><Stream url=\"wss://h.test/s\"><Parameter name=\"a\" value=\""
                + "x".repeat(499) + "\"/></Stream></Connect></Response>", "500");
        assertRejected("<Response><Connect><Stream url=\"wss://h.test/s\"><Parameter name=\"a\" value=\"1\"/>"
                + "<Parameter name=\"a\" value=\"2\"/></Stream></Connect></Response>", "twice");
    }

    @Test
    void webhookAnswerMustBeOkAndXml() {
        String xml = "<Response><Connect><Stream url=\"wss://h.test/s\"/></Connect><Hangup/></Response>";
        assertTrue(new VoiceWebhookResponse(200, "text/xml;charset=UTF-8", xml).twiml().hangupFollows());
        assertTrue(new VoiceWebhookResponse(200, "application/xml", xml).twiml().hangupFollows());
        assertThrows(TwimlException.class, () -> new VoiceWebhookResponse(200, "application/json", xml).twiml());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new VoiceWebhookResponse(403, "text/plain", "no").twiml());
        assertTrue(e.getMessage().contains("403"));
    }

    private static void assertRejected(String xml, String expectedProblem) {
        TwimlException e = assertThrows(TwimlException.class, () -> ConnectStreamTwiml.parse(xml), xml);
        assertTrue(e.getMessage().contains(expectedProblem), e.getMessage());
    }
}
