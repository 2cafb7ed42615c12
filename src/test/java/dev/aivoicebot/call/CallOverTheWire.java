package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.WAIT;
import static dev.aivoicebot.call.CallHarness.assertNoSimulatorProblems;
import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.concat;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.sim.CallRecording.ClosedBy;
import dev.aivoicebot.sim.CallRecording.CloseRecord;
import dev.aivoicebot.sim.CallRecording.ReceivedAudio;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Whole calls judged only by what crosses the wire: what the simulated caller hears (the emulator answers
 * a turn by playing the caller's own audio back, so the caller can recognise its answer byte for byte),
 * the {@code clear}s it gets, how the stream ends, and the transcript file. Nothing here reaches into the
 * application, so the same scenarios run against the packaged jar and the native binary.
 */
abstract class CallOverTheWire extends DialingTest {

    private static final Pattern LINE = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z (customer|assistant|system)( \\(interrupted\\))?: .*$");
    private static final String GREETING = "Hi, how can I help?";
    /** The emulator speaks a greeting as a tone of 60 ms per character of the sentence. */
    private static final int GREETING_BYTES = 60 * GREETING.length() * CallerScript.BYTES_PER_MS;
    private static final String ANSWER = "assistant: I heard ";


    @Test
    void theCallerHearsTheWholeGreetingAndTheTranscriptSaysSo() {
        SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());

        awaitLine(call, " assistant: " + GREETING);
        assertEquals(GREETING_BYTES, call.receivedAudio().length, "the greeting, whole, and nothing else");

        call.hangUp();
        List<String> transcript = finishedTranscript(call.identity().callSid());
        transcript.forEach(line -> assertTrue(LINE.matcher(line).matches(), line));
        assertTrue(transcript.get(0).endsWith(" system: call started from " + call.identity().from() + " to "
                + call.identity().to()), transcript.get(0));
        assertTrue(transcript.get(1).endsWith(" assistant: " + GREETING), transcript.get(1));
        assertNoSimulatorProblems(call);
    }

    @Test
    void aTurnIsTranscribedAndAnsweredWithTheCallersOwnAudio() {
        SimulatedCall call = twilio.placeCall(CallerScript.builder()
                .silence(2000).speech(1000).silence(1500).thenSilenceUntilHangUp());

        awaitLine(call, ANSWER);
        assertTrue(indexOf(call.receivedAudio(), speech(1000), GREETING_BYTES) >= GREETING_BYTES,
                "after the greeting, the answer carries the caller's words byte for byte");
        assertTrue(call.clears().isEmpty(), "nobody interrupted");

        call.hangUp();
        List<String> transcript = finishedTranscript(call.identity().callSid());
        assertEquals(7, transcript.size(), transcript::toString);
        assertTrue(transcript.get(1).endsWith(" assistant: " + GREETING), transcript.get(1));
        assertTrue(transcript.get(2).contains(" customer: caller spoke for "), transcript.get(2));
        assertTrue(transcript.get(3).contains(ANSWER), transcript.get(3));
        assertTrue(transcript.get(4).contains(" system: summary: The caller took 1 turn(s)"), transcript.get(4));
        assertTrue(transcript.get(5).matches(".* system: usage: input \\d+ tokens \\(\\d+ cached\\), output \\d+ tokens; "
                + "estimated cost \\$\\d+\\.\\d{4}"), transcript.get(5));
        assertTrue(transcript.get(6).matches(".* system: call ended: caller hung up after \\d+\\.\\d s"),
                transcript.get(6));
        assertNoSimulatorProblems(call);
    }

    @Test
    void speakingOverTheGreetingClearsItAndTheAnswerFollows() {
        SimulatedCall call = twilio.placeCall(CallerScript.builder()
                .silence(400).speech(900).silence(1500).thenSilenceUntilHangUp());

        await("Twilio is told to clear", () -> !call.clears().isEmpty());
        awaitLine(call, ANSWER);
        assertEquals(1, call.clears().size());
        long clearedAt = call.clears().get(0).at().toNanos();
        byte[] beforeClear = concat(call.receivedAudioChunks().stream().filter(c -> c.at().toNanos() <= clearedAt)
                .map(ReceivedAudio::bytes).toList());
        byte[] afterClear = concat(call.receivedAudioChunks().stream().filter(c -> c.at().toNanos() > clearedAt)
                .map(ReceivedAudio::bytes).toList());
        assertTrue(beforeClear.length < GREETING_BYTES, "the greeting was cut short");
        assertTrue(indexOf(afterClear, speech(900), 0) >= 0, "after the clear comes the answer to the interruption");

        call.hangUp();
        List<String> transcript = finishedTranscript(call.identity().callSid());
        int bargeIn = indexOf(transcript, " system: caller interrupted the assistant after ");
        assertTrue(bargeIn > 0 && transcript.get(bargeIn + 1).contains(" assistant (interrupted): "),
                "the barge-in, then what was cut off: " + transcript);
        assertTrue(transcript.stream().noneMatch(l -> l.endsWith(" assistant: " + GREETING)), transcript::toString);
        assertNoSimulatorProblems(call);
    }

    @Test
    void aCallerWhoHangsUpEndsTheCallCleanly() {
        SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(300).thenHangUp());

        CloseRecord close = call.awaitClose(WAIT);
        assertEquals(ClosedBy.SIMULATOR, close.by());
        assertEquals(1000, close.code());
        List<String> transcript = finishedTranscript(call.identity().callSid());
        assertTrue(transcript.get(transcript.size() - 1).contains(" system: call ended: caller hung up"),
                transcript::toString);
        assertNoSimulatorProblems(call);
    }

    @Test
    void tenConcurrentCallersEachHearTheirOwnAnswer() {
        List<SimulatedCall> calls = new ArrayList<>();
        List<byte[]> voices = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // A different pitch per caller: each answer is recognisable as that caller's own audio.
            int hz = 300 + 37 * i;
            calls.add(twilio.placeCall(CallerScript.builder().silence(1500).tone(800, hz, 8000).silence(1200)
                    .thenSilenceUntilHangUp()));
            voices.add(tone(800, hz));
        }
        for (int i = 0; i < calls.size(); i++) {
            SimulatedCall call = calls.get(i);
            awaitLine(call, ANSWER);
            assertTrue(indexOf(call.receivedAudio(), voices.get(i), GREETING_BYTES) >= GREETING_BYTES,
                    "caller " + i + " hears its own words");
        }
        calls.forEach(SimulatedCall::hangUp);
        for (SimulatedCall call : calls) {
            List<String> transcript = finishedTranscript(call.identity().callSid());
            assertTrue(transcript.get(transcript.size() - 1).contains("call ended: caller hung up"), transcript::toString);
            assertNoSimulatorProblems(call);
        }
    }

    private static void awaitLine(SimulatedCall call, String part) {
        await("the transcript has a line with '" + part + "'", () -> CallHarness.transcriptFile(call.identity().callSid())
                .map(CallHarness::read).map(lines -> indexOf(lines, part) >= 0).orElse(false));
    }

    /** What the script's {@code speech(ms)} sends. */
    private static byte[] speech(long ms) {
        return tone(ms, 440);
    }

    private static byte[] tone(long ms, double hz) {
        CallerScript.Tone tone = new CallerScript.Tone(ms, hz, 8000);
        byte[] bytes = new byte[(int) ms * CallerScript.BYTES_PER_MS];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = tone.sample(i);
        }
        return bytes;
    }

    private static int indexOf(byte[] all, byte[] part, int from) {
        outer:
        for (int i = from; i + part.length <= all.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (all[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
