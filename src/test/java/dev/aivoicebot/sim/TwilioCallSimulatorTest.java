package dev.aivoicebot.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.sim.CallRecording.ClosedBy;
import dev.aivoicebot.sim.CallRecording.CloseRecord;
import dev.aivoicebot.sim.FakeBridgeService.Frame;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator against a stand-in service over real loopback sockets: the Twilio side of the wire. */
class TwilioCallSimulatorTest {

    private static final String TOKEN = "loopback-auth-token";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeBridgeService service;
    private TwilioCallSimulator twilio;

    @BeforeEach
    void start() throws Exception {
        service = new FakeBridgeService(TOKEN);
        twilio = new TwilioCallSimulator(simulatorWithToken(TOKEN));
    }

    @AfterEach
    void stop() throws Exception {
        twilio.close();
        service.close();
    }

    private SimulatorConfig simulatorWithToken(String token) {
        return SimulatorConfig.of(service.localBaseUrl(), FakeBridgeService.PUBLIC_BASE_URL, token);
    }

    @Test
    void placesASignedCallAndStreamsLikeTwilio() throws Exception {
        SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(100).speech(200).thenSilenceUntilHangUp());
        CallIdentity id = call.identity();

        assertTrue(call.twiml().hangupFollows());
        assertEquals(Map.of("callToken", "token-for-" + id.callSid(), "from", id.from()), call.twiml().parameters());

        JsonNode connected = json(service.next(WAIT));
        assertEquals("connected", connected.get("event").asText());
        assertEquals("Call", connected.get("protocol").asText());
        assertEquals("1.0.0", connected.get("version").asText());

        JsonNode start = json(service.next(WAIT));
        assertEquals("start", start.get("event").asText());
        assertEquals("1", start.get("sequenceNumber").asText());
        assertEquals(id.streamSid(), start.get("streamSid").asText());
        assertEquals(JSON.readTree("""
                {"accountSid":"%s","streamSid":"%s","callSid":"%s","tracks":["inbound"],
                 "customParameters":{"callToken":"token-for-%s","from":"%s"},
                 "mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1}}"""
                .formatted(id.accountSid(), id.streamSid(), id.callSid(), id.callSid(), id.from())), start.get("start"));

        List<Frame> media = new ArrayList<>();
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        for (int n = 0; n < 50; n++) {
            Frame frame = service.next(WAIT);
            JsonNode m = json(frame);
            assertEquals("media", m.get("event").asText());
            assertEquals(String.valueOf(n + 2), m.get("sequenceNumber").asText());
            assertEquals(id.streamSid(), m.get("streamSid").asText());
            assertEquals("inbound", m.at("/media/track").asText());
            assertEquals(String.valueOf(n + 1), m.at("/media/chunk").asText());
            assertEquals(String.valueOf(n * 20), m.at("/media/timestamp").asText());
            byte[] payload = Base64.getDecoder().decode(m.at("/media/payload").asText());
            assertEquals(160, payload.length);
            audio.writeBytes(payload);
            media.add(frame);
        }
        assertPacedAt20Ms(media);
        byte[] sent = call.sentAudio();
        assertArrayEquals(audio.toByteArray(), java.util.Arrays.copyOf(sent, audio.size()));
        assertEquals(MuLaw.SILENCE, sent[0]);
        assertTrue(Math.abs(MuLaw.decode(sent[800 + 20])) > 1000, "speech starts after 100 ms of silence");

        call.hangUp();
        JsonNode stop = nextNonMedia();
        assertEquals("stop", stop.get("event").asText());
        assertEquals(id.streamSid(), stop.get("streamSid").asText());
        assertEquals(2 + sent.length / 160, stop.get("sequenceNumber").asInt(), "stop follows the last media frame");
        assertEquals(id.accountSid(), stop.at("/stop/accountSid").asText());
        assertEquals(id.callSid(), stop.at("/stop/callSid").asText());
        assertEquals(1000, service.awaitCloseStatus());
        CloseRecord close = call.awaitClose(WAIT);
        assertEquals(ClosedBy.SIMULATOR, close.by());
        assertEquals(1000, close.code());
        assertTrue(call.problems().isEmpty(), call.problems().toString());
    }

    /** Each frame is due at start + n × 20 ms; arrival may jitter but must not drift. */
    private static void assertPacedAt20Ms(List<Frame> media) {
        long first = media.get(0).nanoTime();
        for (int n = 0; n < media.size(); n++) {
            long offsetMs = (media.get(n).nanoTime() - first) / 1_000_000;
            assertTrue(Math.abs(offsetMs - n * 20L) < 80, "frame " + n + " arrived at +" + offsetMs + " ms");
        }
        long spanMs = (media.get(media.size() - 1).nanoTime() - first) / 1_000_000;
        assertTrue(spanMs > 940 && spanMs < 1060, "50 frames spanned " + spanMs + " ms");
    }

    @Test
    void echoesAMarkOnceTheAudioBeforeItHasPlayed() throws Exception {
        SimulatedCall call = twilio.placeCall(CallerScript.builder().thenSilenceUntilHangUp());
        String sid = call.identity().streamSid();
        byte[] audio = new byte[3200];  // 400 ms
        java.util.Arrays.fill(audio, (byte) 0x55);

        long sentAt = System.nanoTime();
        service.send(media(sid, audio));
        service.send(mark(sid, "m1"));

        CallRecording.MarkEcho echo = call.awaitMarkEcho("m1", WAIT);
        long heldMs = echo.echoedAt().minus(echo.receivedAt()).toMillis();
        assertTrue(heldMs >= 380 && heldMs < 700, "held " + heldMs + " ms");
        assertFalse(echo.flushedByClear());
        JsonNode wire = awaitFrom(sid, "mark");
        assertEquals("m1", wire.at("/mark/name").asText());
        assertTrue(wire.get("sequenceNumber").isTextual());
        assertTrue(System.nanoTime() - sentAt >= 390_000_000L);
        assertArrayEquals(audio, call.receivedAudio());
        assertEquals(3200, call.playedBytes());
        assertEquals(0, call.discardedBytes());

        service.send(mark(sid, "idle"));
        CallRecording.MarkEcho idle = call.awaitMarkEcho("idle", WAIT);
        assertTrue(idle.echoedAt().minus(idle.receivedAt()).toMillis() < 5, "nothing buffered: echoed at once");
        call.hangUp();
    }

    @Test
    void clearDropsBufferedAudioAndEchoesPendingMarksAtOnce() throws Exception {
        SimulatedCall call = twilio.placeCall(CallerScript.builder().thenSilenceUntilHangUp());
        String sid = call.identity().streamSid();
        for (int i = 0; i < 50; i++) {
            service.send(media(sid, new byte[160]));  // 1 s in Twilio-sized chunks
        }
        service.send(mark(sid, "m2"));
        service.send(mark(sid, "m3"));
        call.awaitAudio(8000, WAIT);
        Thread.sleep(100);
        service.send("{\"event\":\"clear\",\"streamSid\":\"" + sid + "\"}");

        call.awaitEvent("clear", WAIT);
        CallRecording.ClearRecord clear = call.clears().get(0);
        assertEquals(List.of("m2", "m3"), clear.echoedMarks());
        assertTrue(clear.discardedBytes() > 6000 && clear.discardedBytes() < 7400, "discarded " + clear.discardedBytes());
        assertEquals(clear.discardedBytes(), call.discardedBytes());
        for (CallRecording.MarkEcho echo : call.markEchoes()) {
            assertTrue(echo.flushedByClear());
            assertEquals(clear.at(), echo.echoedAt());
        }
        assertEquals("m2", awaitFrom(sid, "mark").at("/mark/name").asText());
        assertEquals("m3", awaitFrom(sid, "mark").at("/mark/name").asText());
        assertEquals(0, call.bufferedBytes());

        service.send(media(sid, new byte[160]));
        call.awaitAudio(8160, WAIT);
        assertEquals(1, call.mediaAfterClear().size());
        assertEquals(160, call.mediaAfterClear().get(0).bytes());
        call.hangUp();
    }

    @Test
    void sendsDigitsAndRawFrames() throws Exception {
        SimulatedCall call = twilio.placeCall(CallerScript.builder().thenSilenceUntilHangUp());
        String sid = call.identity().streamSid();
        call.sendDigit('7');
        JsonNode dtmf = awaitFrom(sid, "dtmf");
        assertEquals("inbound_track", dtmf.at("/dtmf/track").asText());
        assertEquals("7", dtmf.at("/dtmf/digit").asText());
        assertThrows(IllegalArgumentException.class, () -> call.sendDigit('x'));

        call.sendRawText("{not json").get();
        while (!service.next(WAIT).text().equals("{not json")) {
            // skip media frames sent meanwhile
        }
        call.hangUp();
    }

    @Test
    void recordsTheServiceClosingTheStream() throws Exception {
        SimulatedCall call = twilio.placeCall(CallerScript.builder().speech(5000).thenHangUp());
        service.awaitStream().close((short) 1000, "bye");

        CloseRecord close = call.awaitClose(WAIT);
        assertEquals(ClosedBy.SERVICE, close.by());
        assertEquals(1000, close.code());
        assertEquals("bye", close.reason());
        assertTrue(call.isEnded());
        long replyStarted = System.nanoTime();
        assertEquals(1000, service.awaitCloseStatus());
        assertTrue(System.nanoTime() - replyStarted < 1_000_000_000L, "the simulator answers the close handshake");
        int sentBytes = call.sentAudio().length;
        Thread.sleep(100);
        assertEquals(sentBytes, call.sentAudio().length, "caller audio stops when the service closes");
        call.hangUp();  // a no-op now: no stop on a closed stream
        assertTrue(call.problems().isEmpty(), call.problems().toString());
    }

    @Test
    void recordsStreamSidMismatchesAndMalformedMessages() throws Exception {
        SimulatedCall call = twilio.placeCall(CallerScript.builder().thenSilenceUntilHangUp());
        String sid = call.identity().streamSid();
        service.send(media("MZ" + "0".repeat(32), new byte[160]));
        service.send("not json at all");
        service.send("{\"event\":\"media\",\"streamSid\":\"" + sid + "\",\"media\":{\"payload\":\"***\"}}");
        service.send("{\"event\":\"weird\",\"streamSid\":\"" + sid + "\"}");

        call.awaitEvent(e -> e.event().equals("weird"), WAIT);
        assertEquals(1, call.streamSidMismatches().size());
        assertEquals("MZ" + "0".repeat(32), call.streamSidMismatches().get(0).streamSid());
        assertEquals(3, call.problems().size(), call.problems().toString());
        assertEquals(0, call.receivedAudio().length);
        assertEquals(4, call.events().size());
        call.hangUp();
    }

    @Test
    void scriptEndingInAHangUpSendsStopAndCloses() throws Exception {
        SimulatedCall call = twilio.placeCall(CallerScript.builder().speech(100).thenHangUp());
        assertEquals(ClosedBy.SIMULATOR, call.awaitClose(WAIT).by());
        assertEquals(1000, service.awaitCloseStatus());
        assertEquals(800, call.sentAudio().length);
        List<String> events = new ArrayList<>();
        for (Frame f = service.received.poll(); f != null; f = service.received.poll()) {
            events.add(json(f).get("event").asText());
        }
        assertEquals(List.of("connected", "start", "media", "media", "media", "media", "media", "stop"), events);
    }

    @Test
    void aWrongTokenIsRefusedAtTheWebhookAndAtTheStream() throws Exception {
        CallIdentity id = twilio.newCall();
        ConnectStreamTwiml twiml = twilio.postVoiceWebhook(id).twiml();
        for (String token : new String[] {"wrong-token", null}) {
            try (TwilioCallSimulator impostor = new TwilioCallSimulator(simulatorWithToken(token))) {
                assertEquals(403, impostor.postVoiceWebhook(id).status());
                IllegalStateException webhook = assertThrows(IllegalStateException.class,
                        () -> impostor.placeCall(CallerScript.builder().thenHangUp()));
                assertTrue(webhook.getMessage().contains("403"), webhook.getMessage());
                StreamRejectedException stream = assertThrows(StreamRejectedException.class,
                        () -> impostor.openStream(id, twiml, CallerScript.builder().thenHangUp()));
                assertEquals(403, stream.status());
            }
        }
    }

    @Test
    void runsTwentyCallsAtOnceOnOneClock() throws Exception {
        List<SimulatedCall> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(twilio.placeCall(CallerScript.builder().speech(1000).thenHangUp()));
        }
        for (SimulatedCall call : calls) {
            assertEquals(ClosedBy.SIMULATOR, call.awaitClose(WAIT).by());
            assertEquals(8000, call.sentAudio().length);
            assertTrue(call.problems().isEmpty(), call.problems().toString());
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (service.normalCloses.get() < 20 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(20, service.normalCloses.get());
        Map<String, Long> mediaPerStream = service.received.stream().map(TwilioCallSimulatorTest::json)
                .filter(m -> m.get("event").asText().equals("media"))
                .collect(java.util.stream.Collectors.groupingBy(m -> m.get("streamSid").asText(),
                        java.util.stream.Collectors.counting()));
        assertEquals(20, mediaPerStream.size());
        mediaPerStream.values().forEach(count -> assertEquals(50L, count));
    }

    private JsonNode nextNonMedia() throws Exception {
        for (;;) {
            JsonNode message = json(service.next(WAIT));
            if (!message.get("event").asText().equals("media")) {
                return message;
            }
        }
    }

    private JsonNode awaitFrom(String streamSid, String event) throws Exception {
        for (;;) {
            JsonNode message = json(service.next(WAIT));
            if (message.get("event").asText().equals(event) && message.get("streamSid").asText().equals(streamSid)) {
                return message;
            }
        }
    }

    private static JsonNode json(Frame frame) {
        try {
            return JSON.readTree(frame.text());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + frame.text(), e);
        }
    }

    private static String media(String streamSid, byte[] audio) {
        return "{\"event\":\"media\",\"streamSid\":\"%s\",\"media\":{\"payload\":\"%s\"}}"
                .formatted(streamSid, Base64.getEncoder().encodeToString(audio));
    }

    private static String mark(String streamSid, String name) {
        return "{\"event\":\"mark\",\"streamSid\":\"%s\",\"mark\":{\"name\":\"%s\"}}".formatted(streamSid, name);
    }
}
