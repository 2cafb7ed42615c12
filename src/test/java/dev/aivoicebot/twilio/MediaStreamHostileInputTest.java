package dev.aivoicebot.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.twilio.RawStream.Closed;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Strangers and broken peers on the media stream: every bad input gets its defined close code and reason
 * (docs/security.md), and none of them opens an OpenAI session or disturbs the service.
 */
@QuarkusTest
class MediaStreamHostileInputTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    EmulatorRecorder emulator;

    /** Sends frames on a fresh signed stream and returns how the service closed it, checking no session opened. */
    private Closed rejectedBeforeAnySession(String... frames) {
        int sessions = quietSessionCount();
        try (RawStream stream = RawStream.open(base)) {
            for (String frame : frames) {
                stream.send(frame);
            }
            Closed closed = stream.awaitClose();
            assertEquals(sessions, emulator.sessions().size(), "no OpenAI session for an unauthenticated stream");
            return closed;
        }
    }

    /** The number of emulator sessions once sessions started by earlier steps have finished opening. */
    private int quietSessionCount() {
        int count = emulator.sessions().size();
        for (int stable = 0; stable < 3; ) {
            sleep(100);
            int now = emulator.sessions().size();
            stable = now == count ? stable + 1 : 0;
            count = now;
        }
        return count;
    }

    private static void assertClosed(Closed closed, int code, String reason) {
        assertEquals(code, closed.code(), closed.toString());
        assertEquals(reason, closed.reason(), closed.toString());
    }

    @Test
    void invalidJsonIs1007() {
        assertClosed(rejectedBeforeAnySession("this is not json"), 1007, "message is not a valid JSON object");
    }

    @Test
    void jsonThatIsNotAnObjectIs1007() {
        assertClosed(rejectedBeforeAnySession("[1,2,3]"), 1007, "message is not a valid JSON object");
        assertClosed(rejectedBeforeAnySession("null"), 1007, "message is not a valid JSON object");
        assertClosed(rejectedBeforeAnySession("\"start\""), 1007, "message is not a valid JSON object");
    }

    @Test
    void aMessageWithoutEventIs1008() {
        assertClosed(rejectedBeforeAnySession("{\"streamSid\":\"MZ1\"}"), 1008, "message has no event");
    }

    @Test
    void unknownEventsAreIgnoredForForwardCompatibility() {
        try (RawStream stream = RawStream.open(base)) {
            stream.send("{\"event\":\"something-new\",\"x\":1}").send("{\"event\":\"" + "e".repeat(50_000) + "\"}");
            sleep(300);
            assertFalse(stream.isClosed(), "still open");
        }
    }

    @Test
    void mediaBeforeStartIs1008() {
        String streamSid = RawStream.sid("MZ");
        assertClosed(rejectedBeforeAnySession(RawStream.silence(1, streamSid).get(0)), 1008, "media before start");
    }

    @Test
    void startWithoutAValidTokenIs1008AndOpensNoSession() {
        String callSid = RawStream.sid("CA");
        assertClosed(rejectedBeforeAnySession(RawStream.start(callSid, RawStream.sid("MZ"), Map.of())), 1008,
                "stream token missing");
        assertClosed(rejectedBeforeAnySession(RawStream.start(callSid, RawStream.sid("MZ"), Map.of("streamToken", "v1.9999999999.forged"))),
                1008, "stream token invalid");
        assertClosed(rejectedBeforeAnySession(RawStream.start(callSid, RawStream.sid("MZ"),
                Map.of("streamToken", RawStream.token(RawStream.sid("CA"), 60)))), 1008, "stream token invalid");
        assertClosed(rejectedBeforeAnySession(RawStream.start(callSid, RawStream.sid("MZ"),
                Map.of("streamToken", RawStream.token(callSid, -5)))), 1008, "stream token expired");
    }

    @Test
    void startWithoutCallSidOrStreamSidIs1008() {
        assertClosed(rejectedBeforeAnySession(RawStream.start("CA../../etc", RawStream.sid("MZ"), Map.of())), 1008,
                "start without a valid callSid and streamSid");
        assertClosed(rejectedBeforeAnySession("{\"event\":\"start\",\"streamSid\":\"" + RawStream.sid("MZ") + "\"}"), 1008,
                "start without a valid callSid and streamSid");
    }

    @Test
    void aTokenWorksOnceAndADuplicateStartIs1008() {
        String callSid = RawStream.sid("CA");
        String streamSid = RawStream.sid("MZ");
        String start = RawStream.start(callSid, streamSid, Map.of("streamToken", RawStream.token(callSid, 60)));
        try (RawStream first = RawStream.open(base)) {
            int before = emulator.sessions().size();
            first.send(start);
            for (int i = 0; i < 100 && emulator.sessions().size() == before; i++) {
                sleep(20);
            }
            assertClosed(rejectedBeforeAnySession(start), 1008, "stream token already used");
            first.send(start);
            assertClosed(first.awaitClose(), 1008, "duplicate start");
        }
    }

    @Test
    void badMediaAfterStartIsRejected() {
        assertClosed(afterValidStart(streamSid -> RawStream.media(streamSid, "not base64!")), 1007,
                "media payload is missing or not base64");
        assertClosed(afterValidStart(streamSid -> RawStream.media(streamSid, "")), 1007,
                "media payload is missing or not base64");
        String tooLarge = Base64.getEncoder().encodeToString(new byte[20_000]);
        assertClosed(afterValidStart(streamSid -> RawStream.media(streamSid, tooLarge)), 1009, "media payload too large");
        assertClosed(afterValidStart(streamSid -> RawStream.media(RawStream.sid("MZ"), "AAAA")), 1008,
                "streamSid does not match this stream");
        assertClosed(afterValidStart(streamSid -> "{\"event\":\"dtmf\",\"streamSid\":\"" + streamSid
                + "\",\"dtmf\":{\"digit\":\"<script>\"}}"), 1007, "dtmf without a valid digit");
    }

    private Closed afterValidStart(java.util.function.Function<String, String> frame) {
        String callSid = RawStream.sid("CA");
        String streamSid = RawStream.sid("MZ");
        try (RawStream stream = RawStream.open(base)) {
            stream.send(RawStream.start(callSid, streamSid, Map.of("streamToken", RawStream.token(callSid, 60))));
            RawStream.silence(3, streamSid).forEach(stream::send);
            stream.send(frame.apply(streamSid));
            return stream.awaitClose();
        }
    }

    @Test
    void framesAboveTheMaximumAre1009() {
        assertClosed(rejectedBeforeAnySession("{\"event\":\"x\",\"pad\":\"" + "a".repeat(70_000) + "\"}"), 1009,
                "message too large");
    }

    @Test
    void compressionIsNeverNegotiated() {
        for (String offer : new String[] {"permessage-deflate; client_max_window_bits", "permessage-deflate",
                "x-webkit-deflate-frame", "deflate-frame"}) {
            try (RawSocket socket = RawSocket.open(base, "Sec-WebSocket-Extensions: " + offer)) {
                assertEquals(101, socket.status(), offer);
                assertEquals(null, socket.header("sec-websocket-extensions"), offer);
            }
        }
    }

    @Test
    void aSingleFrameOver64KiBIs1009WithACloseFrame() {
        try (RawSocket socket = RawSocket.open(base)) {
            socket.sendText("{\"event\":\"x\",\"pad\":\"" + "a".repeat(70_000) + "\"}");
            assertClosed(socket.awaitClose(), 1009, "message too large");
        }
    }

    @Test
    void protocolViolationsAre1002WithACloseFrame() {
        byte[] connected = "{\"event\":\"connected\"}".getBytes(StandardCharsets.UTF_8);
        assertClosed(afterRawFrame(RawSocket.FIN | RawSocket.RSV1 | RawSocket.TEXT, connected, true), 1002,
                "protocol error");
        assertClosed(afterRawFrame(RawSocket.FIN | RawSocket.TEXT, connected, false), 1002, "protocol error");
        assertClosed(afterRawFrame(RawSocket.FIN | 0x3, connected, true), 1002, "protocol error"); // reserved opcode
        assertClosed(afterRawFrame(RawSocket.PING, new byte[] {1}, true), 1002, "protocol error"); // fragmented ping
    }

    private Closed afterRawFrame(int firstByte, byte[] payload, boolean masked) {
        try (RawSocket socket = RawSocket.open(base)) {
            socket.sendFrame(firstByte, payload, masked);
            return socket.awaitClose();
        }
    }

    @Test
    void aDeflateBombIs1002AndNeverInflated() throws Exception {
        byte[] bomb = deflatedZeros(60 << 20);
        assertTrue(bomb.length < 65_536, "one frame: " + bomb.length);
        long heapBefore = usedHeapAfterGc();
        var bombs = new java.util.ArrayList<java.util.concurrent.CompletableFuture<Closed>>();
        for (int i = 0; i < 4; i++) {
            bombs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (RawSocket socket = RawSocket.open(base, "Sec-WebSocket-Extensions: permessage-deflate")) {
                    socket.sendFrame(RawSocket.FIN | RawSocket.RSV1 | RawSocket.TEXT, bomb, true);
                    return socket.awaitClose();
                }
            }));
        }
        for (var sent : bombs) {
            assertClosed(sent.get(30, java.util.concurrent.TimeUnit.SECONDS), 1002, "protocol error");
        }
        long grownMb = (usedHeapAfterGc() - heapBefore) / (1024 * 1024);
        assertTrue(grownMb < 16, "heap grew by " + grownMb + " MB after four " + bomb.length + "-byte bombs of 60 MiB");
    }

    /** Raw deflate of {@code size} zero bytes, as a permessage-deflate payload would carry it. */
    private static byte[] deflatedZeros(int size) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION, true);
        byte[] zeros = new byte[1 << 20];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        for (int fed = 0; fed < size; fed += zeros.length) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    @Test
    void trailingTextAfterTheObjectIs1007() {
        assertClosed(rejectedBeforeAnySession("{\"event\":\"connected\"} xyz"), 1007,
                "message is not a valid JSON object");
        assertClosed(rejectedBeforeAnySession("{\"event\":\"connected\"}{\"event\":\"connected\"}"), 1007,
                "message is not a valid JSON object");
        String silence = Base64.getEncoder().encodeToString(new byte[160]);
        assertClosed(afterValidStart(streamSid -> RawStream.media(streamSid, silence) + " xyz"), 1007,
                "message is not a valid JSON object");
        assertClosed(afterValidStart(streamSid -> RawStream.media(streamSid, silence) + "{}"), 1007,
                "message is not a valid JSON object");
    }

    @Test
    void pingsCountTowardTheRateLimit() {
        try (RawSocket socket = RawSocket.open(base)) {
            for (int i = 0; i < 1_000; i++) {
                socket.sendFrame(RawSocket.FIN | RawSocket.PING, new byte[] {1, 2, 3, 4}, true);
            }
            assertClosed(socket.awaitClose(), 1008, "message rate limit exceeded");
            for (int i = 0; i < 1_000; i++) { // a flood that ignores the close frame is cut off, not read for 10 s
                socket.sendFrame(RawSocket.FIN | RawSocket.PING, new byte[] {1, 2, 3, 4}, true);
            }
            assertTrue(socket.disconnectedWithin(2_000), "disconnected");
        }
    }

    @Test
    void aSecondStreamForACallAlreadyStreamingIs1008() {
        String callSid = RawStream.sid("CA");
        try (RawStream first = RawStream.open(base)) {
            int before = emulator.sessions().size();
            first.send(RawStream.start(callSid, RawStream.sid("MZ"), Map.of("streamToken", RawStream.token(callSid, 60))));
            for (int i = 0; i < 100 && emulator.sessions().size() == before; i++) {
                sleep(20);
            }
            // A replayed webhook mints another valid token for the same call.
            assertClosed(rejectedBeforeAnySession(RawStream.start(callSid, RawStream.sid("MZ"),
                    Map.of("streamToken", RawStream.token(callSid, 61)))), 1008, "call already has a stream");
            assertFalse(first.isClosed(), "the call's own stream goes on");
            assertFalse(emulator.latest().orElseThrow().headers().containsKey("Sec-WebSocket-Extensions"),
                    "the Realtime client offers no compression");
        }
    }

    @Test
    void binaryFramesAre1003() {
        try (RawStream stream = RawStream.open(base)) {
            stream.sendBinary(new byte[] {1, 2, 3});
            assertClosed(stream.awaitClose(), 1003, "binary frames are not part of Media Streams");
        }
    }

    @Test
    void deeplyNestedJsonAndHugeNumbersAre1007() {
        String nested = "{\"event\":\"media\",\"x\":" + "[".repeat(500) + "]".repeat(500) + "}";
        assertClosed(rejectedBeforeAnySession(nested), 1007, "message is not a valid JSON object");
        String hugeNumber = "{\"event\":\"media\",\"sequenceNumber\":" + "9".repeat(5_000) + "}";
        assertClosed(rejectedBeforeAnySession(hugeNumber), 1007, "message is not a valid JSON object");
    }

    @Test
    void noStartWithinTheTimeoutIs1008() {
        assertClosed(rejectedBeforeAnySession("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}"),
                1008, "no start within 2 s");
    }

    @Test
    void anIdleStartedStreamIs1008() {
        String callSid = RawStream.sid("CA");
        try (RawStream stream = RawStream.open(base)) {
            stream.send(RawStream.start(callSid, RawStream.sid("MZ"), Map.of("streamToken", RawStream.token(callSid, 60))));
            assertClosed(stream.awaitClose(), 1008, "stream idle for 3 s");
        }
    }

    @Test
    void messagesAfterStopAreIgnoredAndTheStreamClosesNormally() {
        String callSid = RawStream.sid("CA");
        String streamSid = RawStream.sid("MZ");
        try (RawStream stream = RawStream.open(base)) {
            stream.send(RawStream.start(callSid, streamSid, Map.of("streamToken", RawStream.token(callSid, 60))));
            stream.send("{\"event\":\"stop\",\"streamSid\":\"" + streamSid + "\",\"stop\":{\"callSid\":\"" + callSid + "\"}}");
            RawStream.silence(5, streamSid).forEach(stream::send);
            stream.send("garbage");
            assertEquals(1000, stream.awaitClose().code());
        }
    }

    @Test
    void aFloodIsCutOffAt1008() {
        // Raw frames: a client library whose next write fails once the service has closed reports that failure
        // (broken pipe) instead of the close frame it had already been sent; this reads up to the close frame.
        try (RawSocket socket = RawSocket.open(base)) {
            for (int i = 0; i < 2_000; i++) {
                socket.sendText("{\"event\":\"connected\"}");
            }
            assertClosed(socket.awaitClose(), 1008, "message rate limit exceeded");
        }
    }

    @Test
    void aFloodNeitherGrowsMemoryNorDisturbsOtherCalls() throws Exception {
        try (var twilio = new dev.aivoicebot.sim.TwilioCallSimulator(dev.aivoicebot.sim.SimulatorConfig.of(
                base.toString(), "https://voice.example.test", "canary-twilio-token-5f0e2b7c"))) {
            var calls = new java.util.ArrayList<dev.aivoicebot.sim.SimulatedCall>();
            for (int i = 0; i < 3; i++) {
                calls.add(twilio.placeCall(dev.aivoicebot.sim.CallerScript.builder().silence(100).thenSilenceUntilHangUp()));
            }
            long heapBefore = usedHeapAfterGc();
            String big = "{\"event\":\"connected\",\"pad\":\"" + "x".repeat(30_000) + "\"}";
            var floods = new java.util.ArrayList<java.util.concurrent.CompletableFuture<Closed>>();
            for (int f = 0; f < 3; f++) {
                floods.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try (RawStream stream = RawStream.open(base)) {
                        for (int i = 0; i < 3_000 && !stream.isClosed(); i++) {
                            stream.send(big);
                        }
                        return stream.awaitClose();
                    }
                }));
            }
            for (var flood : floods) {
                // The rate-limit close itself is asserted by aFloodIsCutOffAt1008. Here, on a loaded machine, a
                // sender slowed by its own 30 KB writes may reach the start deadline before the rate limit (1008
                // either way), or still be writing when the close arrives, pass FrameGuard's allowance and be
                // reset before the JDK client's reader gets to the close frame (it then reports the failed write).
                Closed closed = flood.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertTrue(closed.code() == 1008 && ("message rate limit exceeded".equals(closed.reason())
                        || closed.reason().startsWith("no start within"))
                        || closed.code() == -1 && closed.reason().contains("IOException"), closed.toString());
            }
            long grownMb = (usedHeapAfterGc() - heapBefore) / (1024 * 1024);
            assertTrue(grownMb < 64, "heap grew by " + grownMb + " MB under a flood of ~270 MB");
            for (var call : calls) {
                call.awaitAudio(8 * 500, java.time.Duration.ofSeconds(10)); // the greeting still plays
                assertFalse(call.closeRecord().isPresent(), "other calls are unaffected");
                assertTrue(call.problems().isEmpty(), call.problems().toString());
            }
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            sleep(50);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void anUnsignedUpgradeIsRefusedWith403() {
        assertEquals(403, upgradeStatus(null));
        assertEquals(403, upgradeStatus(TWILIO_OTHER.sign(RawStream.STREAM_URL, Map.of())));
        assertEquals(403, upgradeStatus(RawStream.TWILIO.sign("wss://evil.example.com/voice/stream", Map.of())));
    }

    private int upgradeStatus(String signature) {
        CompletionException refused = assertThrows(CompletionException.class,
                () -> RawStream.openWithSignature(base, signature));
        return ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode();
    }

    private static final TwilioSignature TWILIO_OTHER = new TwilioSignature("not-the-auth-token");

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
