package dev.aivoicebot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

    @Test
    void mapsThePublicStreamUrlOntoTheLocalServer() {
        SimulatorConfig config = SimulatorConfig.of("http://127.0.0.1:8081/", "https://voice.example.test/", "t");
        assertEquals("https://voice.example.test/voice", config.publicVoiceUrl());
        assertEquals(URI.create("http://127.0.0.1:8081/voice"), config.localVoiceUri());
        assertEquals(URI.create("ws://127.0.0.1:8081/voice/stream"),
                config.localStreamUri("wss://voice.example.test/voice/stream"));
        assertEquals(URI.create("ws://127.0.0.1:8081/voice/stream"),
                config.localStreamUri("wss://VOICE.example.test:443/voice/stream"), "explicit default port");
    }

    @Test
    void stripsAPublicPathPrefixThatAProxyWouldRemove() {
        SimulatorConfig config = SimulatorConfig.of("http://127.0.0.1:9000", "https://edge.example.test:8443/bot", null);
        assertEquals("https://edge.example.test:8443/bot/voice", config.publicVoiceUrl());
        assertEquals(URI.create("ws://127.0.0.1:9000/voice/stream"),
                config.localStreamUri("wss://edge.example.test:8443/bot/voice/stream"));
        assertTrue(config.authToken().isEmpty());
    }

    @Test
    void refusesAStreamUrlThatDoesNotPointAtThePublicOrigin() {
        SimulatorConfig config = SimulatorConfig.of("http://127.0.0.1:8081", "https://voice.example.test", "t");
        assertThrows(IllegalStateException.class, () -> config.localStreamUri("wss://127.0.0.1:8081/voice/stream"));
        assertThrows(IllegalStateException.class, () -> config.localStreamUri("wss://voice.example.test:444/voice/stream"));
    }

    @Test
    void newIdentitiesLookLikeTwilios() {
        CallIdentity call = CallIdentity.random(SimulatorConfig.of("http://h", "https://p", null).accountSid());
        assertTrue(call.accountSid().matches("AC[0-9a-f]{32}"), call.accountSid());
        assertTrue(call.callSid().matches("CA[0-9a-f]{32}"), call.callSid());
        assertTrue(call.streamSid().matches("MZ[0-9a-f]{32}"), call.streamSid());
    }
}
