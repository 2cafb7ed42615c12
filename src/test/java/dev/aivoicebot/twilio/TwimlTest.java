package dev.aivoicebot.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aivoicebot.safety.CallSid;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class TwimlTest {

    @Test
    void connectsABidirectionalStreamWithParametersAndHangsUpAfter() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CA0123456789abcdef0123456789abcdef");
        params.put("From", "+1 \"<&>'");
        Document doc = parse(Twiml.connectStream("wss://voice.example.com/voice/stream", params));

        Element response = doc.getDocumentElement();
        assertEquals("Response", response.getTagName());
        Element connect = (Element) response.getFirstChild();
        assertEquals("Connect", connect.getTagName());
        Element stream = (Element) connect.getFirstChild();
        assertEquals("wss://voice.example.com/voice/stream", stream.getAttribute("url"));
        Element second = (Element) stream.getElementsByTagName("Parameter").item(1);
        assertEquals("From", second.getAttribute("name"));
        assertEquals("+1 \"<&>'", second.getAttribute("value"), "escaped and parsed back intact");
        assertEquals("Hangup", ((Element) connect.getNextSibling()).getTagName());
    }

    @Test
    void dialsANumberOrASipUriWithAWhisperAndAnAction() throws Exception {
        Document number = parse(Twiml.dial("+15550100", "+15550199", 20, "https://v.example.com/voice/transfer-status",
                "https://v.example.com/voice/whisper?call=CA1&x=\"<y>\""));
        Element dial = (Element) number.getDocumentElement().getFirstChild();
        assertEquals("Dial", dial.getTagName());
        assertEquals("+15550199", dial.getAttribute("callerId"));
        assertEquals("20", dial.getAttribute("timeout"));
        assertEquals("https://v.example.com/voice/transfer-status", dial.getAttribute("action"));
        Element target = (Element) dial.getFirstChild();
        assertEquals("Number", target.getTagName());
        assertEquals("+15550100", target.getTextContent());
        assertEquals("https://v.example.com/voice/whisper?call=CA1&x=\"<y>\"", target.getAttribute("url"));

        Element sip = (Element) parse(Twiml.dial("sip:desk@pbx.example.com", "", 30, "https://a", "https://w"))
                .getElementsByTagName("Sip").item(0);
        assertEquals("sip:desk@pbx.example.com", sip.getTextContent());
        assertEquals(false, ((Element) sip.getParentNode()).hasAttribute("callerId"), "no caller ID when none is known");
    }

    @Test
    void dropsCharactersXmlCannotCarry() throws Exception {
        Document doc = parse(Twiml.sayAndHangUp("busy\u0000 now"));
        assertEquals("busy now", doc.getElementsByTagName("Say").item(0).getTextContent());
    }

    @Test
    void publicEndpointsComeFromTheConfiguredOriginOnly() {
        assertEquals("https://voice.example.com", PublicEndpoints.validatedOrigin("https://voice.example.com"));
        assertThrows(IllegalArgumentException.class, () -> PublicEndpoints.validatedOrigin("https://x.example/"));
        assertThrows(IllegalArgumentException.class, () -> PublicEndpoints.validatedOrigin("ftp://x.example"));
        assertThrows(IllegalArgumentException.class, () -> PublicEndpoints.validatedOrigin("voice.example.com"));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
