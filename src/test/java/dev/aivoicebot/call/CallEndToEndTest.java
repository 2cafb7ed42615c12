package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.WAIT;
import static dev.aivoicebot.call.CallHarness.assertNoSimulatorProblems;
import static dev.aivoicebot.call.CallHarness.assertSchemaClean;
import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.concat;
import static dev.aivoicebot.call.CallHarness.finishedDetails;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static dev.aivoicebot.call.CallHarness.newSession;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.emulator.EmulatorSession;
import dev.aivoicebot.emulator.EmulatorSession.ResponseAudio;
import dev.aivoicebot.emulator.EmulatorSession.Truncation;
import dev.aivoicebot.emulator.SchemaValidatingInspector;
import dev.aivoicebot.metrics.MetricsScrape;
import dev.aivoicebot.sim.CallRecording.ClosedBy;
import dev.aivoicebot.sim.CallRecording.CloseRecord;
import dev.aivoicebot.sim.CallRecording.ReceivedAudio;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.transcript.CallDetails;
import dev.aivoicebot.transcript.TranscriptLine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Whole calls over real loopback sockets: the Twilio call simulator dials the service, whose OpenAI side is
 * the embedded emulator (validating every client event against OpenAI's schemas).
 */
@QuarkusTest
class CallEndToEndTest extends DialingTest {

    private static final Pattern LINE = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z (customer|assistant|system)( \\(interrupted\\))?: .*$");

    @Inject
    EmulatorRecorder emulator;

    @Inject
    SchemaValidatingInspector schemas;

    @Inject
    CallRegistry registry;


    @Test
    void theAssistantGreetsFirstAndTheCallerHearsExactlyItsAudio() {
        List<EmulatorSession> before = emulator.sessions();
        SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());
        EmulatorSession session = newSession(emulator, before);

        await("the greeting is generated", () -> completed(session) >= 1);
        ResponseAudio greeting = session.responses().get(0);
        call.awaitAudio(greeting.audio().length, WAIT);
        assertArrayEquals(greeting.audio(), call.receivedAudio(), "greeting bytes pass through untouched");
        assertEquals("Hi, how can I help?", greeting.transcript());

        assertEquals("Bearer " + CallHarness.OPENAI_KEY, session.headers().get("Authorization").get(0));
        assertFalse(session.headers().containsKey("OpenAI-Beta"), "GA interface: no beta header");
        assertEquals("gpt-realtime", session.model());
        assertEquals("session.update", session.clientEventTypes().get(0));
        assertTrue(session.clientEvents().get(0).contains("\"silence_duration_ms\":500"), "SILENCE_TIMEOUT_MS");
        assertTrue(session.clientEvents().get(0).contains("\"type\":\"audio/pcmu\""));

        call.hangUp();
        List<String> transcript = finishedTranscript(call.identity().callSid());
        assertTrue(transcript.get(0).matches(".* system: call started from " + Pattern.quote(call.identity().from())
                + " to " + Pattern.quote(call.identity().to())), transcript.get(0));
        assertTrue(transcript.stream().anyMatch(l -> l.endsWith(" assistant: Hi, how can I help?")), transcript::toString);
        assertSchemaClean(schemas, session);
        assertNoSimulatorProblems(call);
    }

    @Test
    void aFullTurnIsTranscribedAndAnsweredWithTheEmulatorsAudio() {
        List<EmulatorSession> before = emulator.sessions();
        SimulatedCall call = twilio.placeCall(CallerScript.builder()
                .silence(2000).speech(1000).silence(1500).thenSilenceUntilHangUp());
        EmulatorSession session = newSession(emulator, before);

        await("greeting and answer are generated", () -> completed(session) >= 2);
        byte[] expected = concat(session.responses().stream().map(ResponseAudio::audio).toList());
        call.awaitAudio(expected.length, WAIT);
        assertArrayEquals(expected, call.receivedAudio(), "both answers arrive byte for byte, in order");
        assertTrue(call.clears().isEmpty(), "nobody interrupted");

        call.hangUp();
        List<String> transcript = finishedTranscript(call.identity().callSid());
        assertArrayEquals(call.sentAudio(), session.inputAudio(), "every caller frame reached OpenAI, in order");
        transcript.forEach(line -> assertTrue(LINE.matcher(line).matches(), line));
        assertEquals(7, transcript.size(), transcript::toString);
        assertTrue(transcript.get(0).contains(" system: call started from "));
        assertTrue(transcript.get(1).endsWith(" assistant: Hi, how can I help?"));
        assertTrue(transcript.get(2).contains(" customer: "), transcript.get(2));
        assertTrue(transcript.get(3).endsWith(" assistant: " + session.responses().get(1).transcript()));
        assertTrue(transcript.get(4).contains(" system: summary: The caller took 1 turn(s)"), transcript.get(4));
        assertTrue(transcript.get(5).matches(".* system: usage: input \\d+ tokens \\(\\d+ cached\\), output \\d+ tokens; "
                + "estimated cost \\$\\d+\\.\\d{4}"), transcript.get(5));
        assertTrue(transcript.get(6).matches(".* system: call ended: caller hung up after \\d+\\.\\d s"),
                transcript.get(6));
        CallDetails details = finishedDetails(call.identity().callSid());
        assertEquals(call.identity().callSid(), details.callSid());
        assertEquals(List.of("inbound", call.identity().from(), call.identity().to(), "CALLER_HUNG_UP", "caller hung up"),
                Arrays.asList(details.direction(), details.from(), details.to(), details.endReason(),
                        details.endReasonText()));
        assertEquals(TranscriptLine.parse(transcript.get(6)).orElseThrow().at(), details.endedAt(),
                "ended when the last line was written");
        assertEquals(Duration.between(details.startedAt(), details.endedAt()).toMillis(), details.durationMs());
        assertTrue(details.durationMs() > 1_000 && details.durationMs() < 60_000, () -> "duration " + details);
        assertNull(details.transferTarget(), "not transferred");
        assertNull(details.recordingSid(), "not recorded");
        assertTrue(details.summary().startsWith("The caller took 1 turn(s)"), details::toString);
        assertTrue(details.usage() != null && details.usage().outputAudioTokens() > 0, details::toString);
        assertTrue(details.costUsd() != null && details.costUsd() > 0, details::toString);
        assertSchemaClean(schemas, session);
        assertNoSimulatorProblems(call);
    }

    @Test
    void speakingOverTheGreetingClearsTruncatesAndDropsTheRest() {
        List<EmulatorSession> before = emulator.sessions();
        SimulatedCall call = twilio.placeCall(CallerScript.builder()
                .silence(400).speech(900).silence(1500).thenSilenceUntilHangUp());
        EmulatorSession session = newSession(emulator, before);

        await("Twilio is told to clear", () -> !call.clears().isEmpty());
        await("the interrupted greeting is truncated", () -> !session.truncations().isEmpty());
        await("the caller's turn is answered", () -> completed(session) + cancelled(session) >= 2);
        ResponseAudio greeting = session.responses().get(0);
        ResponseAudio answer = session.responses().get(1);

        Truncation truncation = session.truncations().get(0);
        assertTrue(truncation.accepted(), "truncate accepted by the server: " + truncation);
        assertEquals(greeting.itemId(), truncation.itemId());
        long clearedAt = call.clears().get(0).at().toNanos();
        byte[] beforeClear = concat(call.receivedAudioChunks().stream().filter(c -> c.at().toNanos() <= clearedAt)
                .map(ReceivedAudio::bytes).toList());
        assertTrue(truncation.audioEndMs() <= beforeClear.length / 8, "never beyond what was sent: " + truncation);
        assertTrue(truncation.audioEndMs() > 0, "the caller heard part of the greeting");

        call.awaitAudio(beforeClear.length + answer.audio().length, WAIT);
        byte[] afterClear = concat(call.receivedAudioChunks().stream().filter(c -> c.at().toNanos() > clearedAt)
                .map(ReceivedAudio::bytes).toList());
        assertArrayEquals(answer.audio(), afterClear, "after the clear only the new answer arrives: no stale audio");
        assertEquals(1, call.clears().size());

        call.hangUp();
        List<String> transcript = finishedTranscript(call.identity().callSid());
        int cutOff = indexOf(transcript, " assistant (interrupted): ");
        int bargeIn = indexOf(transcript, " system: caller interrupted the assistant after ");
        assertTrue(bargeIn > 0 && cutOff == bargeIn + 1, "the barge-in, then what was cut off: " + transcript);
        assertTrue(transcript.stream().noneMatch(l -> l.endsWith(" assistant: Hi, how can I help?")),
                "the greeting is not logged as heard in full: " + transcript);
        assertSchemaClean(schemas, session);
        assertNoSimulatorProblems(call);
    }

    @Test
    void whenTheCallerHangsUpTheOpenAiSessionCloses() {
        List<EmulatorSession> before = emulator.sessions();
        SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(300).thenHangUp());
        EmulatorSession session = newSession(emulator, before);

        await("the emulator session is closed", session::closed);
        await("no call is left active", () -> registry.activeCount() == 0);
        List<String> transcript = finishedTranscript(call.identity().callSid());
        assertTrue(transcript.get(transcript.size() - 1).contains("call ended: caller hung up"), transcript::toString);
        assertSchemaClean(schemas, session);
    }

    @Test
    void whenOpenAiDropsTheSessionTheCallReconnectsWithTheConversationSoFar() {
        List<EmulatorSession> before = emulator.sessions();
        SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(1500).speech(800).silence(2500)
                .speech(800).silence(1500).thenSilenceUntilHangUp());
        EmulatorSession first = newSession(emulator, before);
        await("greeting and first answer", () -> completed(first) >= 2);
        List<EmulatorSession> beforeDrop = emulator.sessions();

        first.close(1011, "upstream went away");

        EmulatorSession second = newSession(emulator, beforeDrop);
        await("the second turn is answered by the new session", () -> completed(second) >= 1);
        assertFalse(call.closeRecord().isPresent(), "the caller's stream stayed open");
        List<String> types = second.clientEventTypes();
        assertEquals("session.update", types.get(0));
        assertEquals(List.of("conversation.item.create", "conversation.item.create", "conversation.item.create"),
                types.subList(1, 4), "greeting, caller's words and answer replayed: " + types);
        assertTrue(second.clientEvents().get(2).contains("\"role\":\"user\""));
        assertTrue(second.clientEvents().get(3).contains(first.responses().get(1).transcript()));
        assertFalse(second.clientEvents().stream().anyMatch(e -> e.contains("Greet the caller")),
                "no second greeting after a reconnect");

        call.hangUp();
        List<String> transcript = finishedTranscript(call.identity().callSid());
        assertTrue(transcript.stream().anyMatch(l -> l.contains(" system: assistant connection lost: assistant "
                + "connection closed (1011); reconnecting (attempt 1 of 3)")), transcript::toString);
        assertTrue(transcript.get(transcript.size() - 1).contains("call ended: caller hung up"), transcript::toString);
        assertSchemaClean(schemas, second);
    }

    @Test
    void aCallerWhoHangsUpDuringTheReconnectBackoffGetsNoNewSession() throws InterruptedException {
        List<EmulatorSession> before = emulator.sessions();
        SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());
        EmulatorSession first = newSession(emulator, before);
        await("the session is configured", () -> first.clientEventTypes().contains("session.update"));
        String callSid = call.identity().callSid();
        MetricsScrape beforeDrop = MetricsScrape.now();

        first.close(1011, "upstream went away");
        await("the call is waiting to reconnect", () -> CallHarness.transcriptFile(callSid).map(CallHarness::read)
                .map(lines -> lines.stream().anyMatch(l -> l.contains("reconnecting (attempt 1 of 3)"))).orElse(false));
        call.hangUp(); // within the 250 ms backoff
        await("the call ends", () -> registry.activeCount() == 0);
        Thread.sleep(1_000); // beyond the backoff

        assertEquals(List.of(first), emulator.sessions().stream().filter(s -> !before.contains(s)).toList(),
                "no OpenAI session is opened for a call that has ended");
        assertEquals(0, MetricsScrape.now().delta(beforeDrop, "openai_realtime_errors_total", "code=\"connect_failed\""));
    }

    @Test
    void whenTheFirstSessionDiesBeforeItsGreetingIsHeardTheNextSessionGreets() {
        List<EmulatorSession> before = emulator.sessions();
        SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());
        EmulatorSession first = newSession(emulator, before);
        await("the greeting is asked for", () -> first.clientEventTypes().contains("response.create"));
        List<EmulatorSession> beforeDrop = emulator.sessions();

        first.close(1011, "upstream went away");
        assertEquals(0, completed(first), "precondition: the greeting was cut off while being generated");

        EmulatorSession second = newSession(emulator, beforeDrop);
        await("the new session is asked to greet",
                () -> second.clientEvents().stream().anyMatch(e -> e.contains("Greet the caller")));
        await("the new session's greeting is generated", () -> completed(second) >= 1);
        call.awaitAudio(8_000, WAIT); // a second of greeting reaches the caller
        assertFalse(call.closeRecord().isPresent(), "the caller's stream stayed open");
        call.hangUp();
        List<String> transcript = finishedTranscript(call.identity().callSid());
        assertTrue(transcript.stream().anyMatch(l -> l.contains(" assistant: ")), transcript::toString);
        assertSchemaClean(schemas, second);
    }

    @Test
    void whenReconnectsRunOutTheCallerHearsAnApologyAndTheCallEnds() {
        List<EmulatorSession> before = emulator.sessions();
        SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());
        List<EmulatorSession> seen = new ArrayList<>(before);
        for (int attempt = 0; attempt <= CallSession.MAX_RECONNECTS; attempt++) {
            EmulatorSession session = newSession(emulator, seen);
            seen.add(session);
            await("the session is configured", () -> session.clientEventTypes().contains("session.update"));
            session.close(1011, "upstream went away");
        }

        CloseRecord close = call.awaitClose(WAIT);
        assertEquals(ClosedBy.SERVICE, close.by());
        assertEquals(1000, close.code(), "a normal close lets Twilio run the <Hangup/> after <Connect>");
        assertTrue(endsWith(call.receivedAudio(), prompt("prompts/apology.ulaw")), "the recorded apology played");
        await("no call is left active", () -> registry.activeCount() == 0);
        List<String> transcript = finishedTranscript(call.identity().callSid());
        assertTrue(transcript.get(transcript.size() - 1).contains("call ended: upstream failure"), transcript::toString);
    }

    @Test
    void aFatalOpenAiErrorEndsTheCallWithoutLeakingTheKey() {
        List<EmulatorSession> before = emulator.sessions();
        SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());
        EmulatorSession session = newSession(emulator, before);
        await("the greeting is generated", () -> completed(session) >= 1);

        session.sendError("invalid_request_error", "invalid_api_key",
                "Incorrect API key provided: " + CallHarness.OPENAI_KEY + ".");

        assertEquals(ClosedBy.SERVICE, call.awaitClose(WAIT).by());
        await("the emulator session is closed", session::closed);
        assertTrue(endsWith(call.receivedAudio(), prompt("prompts/apology.ulaw")), "no retry: the apology played");
        assertEquals(1, emulator.sessions().stream().filter(s -> !before.contains(s)).count(), "fatal: no reconnect");
        List<String> transcript = finishedTranscript(call.identity().callSid());
        assertTrue(transcript.stream().anyMatch(l -> l.contains(" system: assistant error invalid_api_key")),
                transcript::toString);
        assertTrue(transcript.stream().noneMatch(l -> l.contains(CallHarness.OPENAI_KEY)), "key redacted");
        assertTrue(transcript.get(transcript.size() - 1).contains("call ended: upstream failure"));
    }

    @Test
    void twentyConcurrentCallsLoseAndReorderNothing() {
        int calls = 20;
        List<EmulatorSession> before = emulator.sessions();
        List<SimulatedCall> running = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            // A different pitch per caller makes every call's audio unique, so it identifies its session.
            running.add(twilio.placeCall(CallerScript.builder().silence(1500).tone(800, 300 + 37 * i, 8000)
                    .silence(1200).thenSilenceUntilHangUp()));
        }
        await("every call got a greeting and an answer", () -> emulator.sessions().stream()
                .filter(s -> !before.contains(s)).filter(s -> completed(s) >= 2).count() == calls);

        Map<SimulatedCall, EmulatorSession> sessions = new HashMap<>();
        for (SimulatedCall call : running) {
            EmulatorSession session = emulator.sessions().stream().filter(s -> !before.contains(s))
                    .filter(s -> isPrefix(s.inputAudio(), call.sentAudio())).findFirst()
                    .orElseThrow(() -> new AssertionError("no session got this caller's audio in order"));
            sessions.put(call, session);
            byte[] generated = concat(session.responses().stream().map(ResponseAudio::audio).toList());
            call.awaitAudio(generated.length, WAIT);
            assertArrayEquals(generated, call.receivedAudio(), "both answers, byte for byte, in order");
        }
        running.forEach(SimulatedCall::hangUp);
        for (SimulatedCall call : running) {
            EmulatorSession session = sessions.get(call);
            await("the session is closed", session::closed);
            assertArrayEquals(call.sentAudio(), session.inputAudio(), "every caller frame arrived, in order");
            assertSchemaClean(schemas, session);
            assertNoSimulatorProblems(call);
        }
        assertEquals(calls, sessions.values().stream().distinct().count(), "one OpenAI session per call");
        await("no call is left active", () -> registry.activeCount() == 0);
    }

    @Test
    void oneCallsFailureLeavesTheOtherNineteenAlone() {
        List<EmulatorSession> before = emulator.sessions();
        List<SimulatedCall> running = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            running.add(twilio.placeCall(CallerScript.builder().silence(2000).speech(600).silence(1500)
                    .thenSilenceUntilHangUp()));
        }
        await("all greeted", () -> emulator.sessions().stream().filter(s -> !before.contains(s))
                .filter(s -> !s.responses().isEmpty()).count() == 20);
        EmulatorSession victim = emulator.sessions().stream().filter(s -> !before.contains(s)).findFirst().orElseThrow();

        victim.sendError("insufficient_quota", "insufficient_quota", "You exceeded your current quota.");

        await("the other 19 calls get their answers", () -> emulator.sessions().stream()
                .filter(s -> !before.contains(s) && s != victim)
                .filter(s -> s.responses().size() >= 2 && "completed".equals(s.responses().get(1).status())).count() == 19);
        await("the failed call ends after its apology",
                () -> running.stream().filter(c -> c.closeRecord().isPresent()).count() == 1);
        assertEquals(19, registry.activeCount(), "only the failed call ended");
        running.forEach(SimulatedCall::hangUp);
        await("no call is left active", () -> registry.activeCount() == 0);
    }

    /** True when both hold the caller's tone and agree as far as both go (either may be a frame ahead). */
    private static boolean isPrefix(byte[] received, byte[] sent) {
        int common = Math.min(received.length, sent.length);
        return common > 1600 * 8 && Arrays.equals(received, 0, common, sent, 0, common);
    }

    static byte[] prompt(String resource) {
        try (var in = CallEndToEndTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static boolean endsWith(byte[] all, byte[] tail) {
        return all.length >= tail.length && Arrays.equals(all, all.length - tail.length, all.length, tail, 0, tail.length);
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    private static long completed(EmulatorSession session) {
        return session.responses().stream().filter(r -> "completed".equals(r.status())).count();
    }

    private static long cancelled(EmulatorSession session) {
        return session.responses().stream().filter(r -> "cancelled".equals(r.status())).count();
    }
}
