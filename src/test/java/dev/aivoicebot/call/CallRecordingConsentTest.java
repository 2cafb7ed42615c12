package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.assertNoSimulatorProblems;
import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static dev.aivoicebot.call.CallHarness.newSession;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.ServiceLog;
import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.emulator.EmulatorSession;
import dev.aivoicebot.metrics.MetricsScrape;
import dev.aivoicebot.sim.CallIdentity;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.VoiceWebhookResponse;
import dev.aivoicebot.twilio.TwilioSignature;
import dev.aivoicebot.twilio.rest.FakeTwilioRest;
import dev.aivoicebot.twilio.rest.FakeTwilioRest.Answer;
import dev.aivoicebot.twilio.rest.FakeTwilioRest.Received;
import dev.aivoicebot.twilio.rest.FakeTwilioRestResource;
import dev.aivoicebot.twilio.rest.InjectFakeTwilioRest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Recording with consent in whole calls, against the emulator and a fake Twilio REST API on real sockets: with
 * {@code RECORDING=dual} the caller hears the notice before the stream, the recording is started once the call is
 * live and its SID written down; the caller's {@code *} and the model's {@code pause_recording} (key 7) /
 * {@code resume_recording} (key 8) pause and resume it; Twilio's status callbacks are signed; Twilio's failures are
 * written down and the call goes on.
 */
@QuarkusTest
@TestProfile(CallRecordingConsentTest.Recorded.class)
@WithTestResource(FakeTwilioRestResource.class)
class CallRecordingConsentTest extends DialingTest {

    public static class Recorded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("recording.mode", "dual", "recording.notice", "This call is recorded & kept for training.",
                    "emulator.tool-calls", "dtmf:7 -> pause_recording(); dtmf:8 -> resume_recording()");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TwilioSignature TWILIO = new TwilioSignature(CallHarness.AUTH_TOKEN);
    private static final String STATUS_URL = CallHarness.PUBLIC_BASE_URL + "/voice/recording-status";
    private static final Pattern STARTED = Pattern.compile(" system: recording started \\((RE[0-9a-f]{32})\\)$");

    @Inject
    EmulatorRecorder emulator;

    @InjectFakeTwilioRest
    FakeTwilioRest rest;

    @Override
    void beforeDialing() {
        rest.reset();
    }

    @Test
    void theCallerHearsTheNoticeBeforeTheAssistantThenTheRecordingStartsAndItsSidIsWrittenDown() {
        MetricsScrape before = MetricsScrape.now();
        CallIdentity identity = twilio.newCall();
        VoiceWebhookResponse answer = twilio.postVoiceWebhook(identity);
        List<String> verbs = new ArrayList<>();
        Element say = null;
        for (Node n = FakeTwilioRest.parse(answer.body()).getDocumentElement().getFirstChild(); n != null;
                n = n.getNextSibling()) {
            if (n instanceof Element verb) {
                verbs.add(verb.getTagName());
                say = say == null && verb.getTagName().equals("Say") ? verb : say;
            }
        }
        assertEquals(List.of("Say", "Connect", "Hangup"), verbs, answer.body());
        assertEquals("This call is recorded & kept for training.", say.getTextContent());
        assertTrue(rest.received(identity.callSid()).isEmpty(), "nothing is recorded before the stream starts");

        Call call = open(identity, answer);

        String recordingSid = call.awaitRecordingSid();
        Received start = call.requests().get(0);
        assertEquals(List.of(), start.problems(), "auth, account and form as Twilio wants them");
        assertTrue(start.path().endsWith("/Calls/" + call.sid() + "/Recordings.json"), start.path());
        assertEquals(Map.of("RecordingChannels", "dual", "RecordingTrack", "both",
                "RecordingStatusCallback", STATUS_URL, "RecordingStatusCallbackMethod", "POST",
                "RecordingStatusCallbackEvent", "in-progress completed absent"), start.form());
        assertEquals("in-progress", rest.recordingStatus(recordingSid), "the SID written down is the one Twilio gave");
        assertEquals(1, MetricsScrape.now().delta(before, "calls_recordings_total", "outcome=\"started\""));
        call.sim.hangUp();
        assertEquals(1, rest.received(call.sid()).size(), "one recording, nothing more");
        assertEquals(recordingSid, CallHarness.finishedDetails(call.sid()).recordingSid());
        assertNoSimulatorProblems(call.sim);
    }

    @Test
    void theCallersStarKeyPausesThenResumesTheRecordingAndIsNotPassedToTheAssistant() {
        MetricsScrape before = MetricsScrape.now();
        Call call = placeCall();
        String recordingSid = call.awaitRecordingSid();

        call.sim.sendDigit('*');
        call.awaitLine(l -> l.endsWith(" system: recording paused by the caller's * key"));
        assertEquals("paused", rest.recordingStatus(recordingSid));
        call.sim.sendDigit('*');
        call.awaitLine(l -> l.endsWith(" system: recording resumed by the caller's * key"));

        assertEquals("in-progress", rest.recordingStatus(recordingSid));
        List<Received> requests = call.requests();
        assertEquals(3, requests.size(), requests::toString);
        assertEquals(Map.of("Status", "paused"), requests.get(1).form());
        assertEquals(Map.of("Status", "in-progress"), requests.get(2).form());
        assertTrue(requests.get(1).path().endsWith("/Recordings/" + recordingSid + ".json"), requests.get(1).path());
        assertTrue(requests.stream().allMatch(r -> r.problems().isEmpty()), requests::toString);
        assertTrue(call.session.clientEvents().stream().noneMatch(e -> e.contains("pressed *")),
                "the pause key is not the assistant's");
        assertEquals(1, MetricsScrape.now().delta(before, "calls_recordings_total", "outcome=\"paused\""));
        assertEquals(1, MetricsScrape.now().delta(before, "calls_recordings_total", "outcome=\"resumed\""));
        call.sim.hangUp();
        assertTrue(finishedTranscript(call.sid()).stream().anyMatch(l -> l.endsWith(" system: caller pressed *")));
    }

    @Test
    void theModelPausesAndResumesTheRecordingWithItsTools() {
        Call call = placeCall();
        List<String> offered = new ArrayList<>();
        parse(call.session.clientEvents().get(0)).at("/session/tools")
                .forEach(tool -> offered.add(tool.path("name").asText()));
        assertTrue(offered.containsAll(List.of("pause_recording", "resume_recording")), offered::toString);
        String recordingSid = call.awaitRecordingSid();

        call.sim.sendDigit('7');
        call.awaitLine(l -> l.endsWith(" system: recording paused by the assistant"));
        assertEquals("paused", rest.recordingStatus(recordingSid));
        call.awaitLine(l -> l.contains(" assistant: The tool said: The recording is paused."));
        call.sim.sendDigit('8');
        call.awaitLine(l -> l.endsWith(" system: recording resumed by the assistant"));

        assertEquals("in-progress", rest.recordingStatus(recordingSid));
        call.awaitLine(l -> l.contains(" assistant: The tool said: The recording is running again."));
        List<String> lines = call.lines();
        assertTrue(lines.stream().anyMatch(l -> l.contains(" system: tool pause_recording: ok in ")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains(" system: tool resume_recording: ok in ")), lines::toString);
        assertEquals(3, call.requests().size());
        call.sim.hangUp();
    }

    @Test
    void aPauseTwilioRefusesIsAToolErrorAndWrittenDown() {
        MetricsScrape before = MetricsScrape.now();
        Call call = placeCall();
        String recordingSid = call.awaitRecordingSid();
        rest.answer(call.sid(), Answer.SERVER_ERROR);

        call.sim.sendDigit('7');

        String failed = call.awaitLine(l -> l.contains(" system: recording pause by the assistant failed: "));
        assertTrue(failed.endsWith("Twilio answered HTTP 500 (error 20500: Internal Server Error)"), failed);
        call.awaitLine(l -> l.contains(" system: tool pause_recording: error in "));
        String said = call.awaitLine(l -> l.contains(" assistant: The tool said: The recording could not be paused"));
        assertTrue(said.contains("HTTP 500"), said);
        assertEquals("in-progress", rest.recordingStatus(recordingSid));
        assertFalse(call.sim.closeRecord().isPresent(), "the call goes on");
        assertEquals(1, MetricsScrape.now().delta(before, "calls_recordings_total", "outcome=\"update-failed\""));
        call.sim.hangUp();
    }

    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"NOT_FOUND", "TOO_MANY_REQUESTS", "SERVER_ERROR", "HANG"})
    void whenTheRecordingCannotStartTheFailureIsWrittenDownAndTheCallGoesOn(Answer answer) {
        MetricsScrape before = MetricsScrape.now();
        CallIdentity identity = twilio.newCall();
        rest.answer(identity.callSid(), answer);
        ServiceLog log = ServiceLog.mark();
        Call call = open(identity, twilio.postVoiceWebhook(identity));

        String failed = call.awaitLine(l -> l.contains(" system: recording failed: "));

        String expected = switch (answer) {
            case NOT_FOUND -> "the call had already ended (Twilio error 20404)";
            case TOO_MANY_REQUESTS -> "Twilio answered HTTP 429 (error 20429: Too Many Requests)";
            case SERVER_ERROR -> "Twilio answered HTTP 500 (error 20500: Internal Server Error)";
            default -> "Twilio did not answer within " + FakeTwilioRestResource.TIMEOUT.replace("s", " s");
        };
        assertTrue(failed.endsWith("recording failed: " + expected), failed);
        assertEquals(1, MetricsScrape.now().delta(before, "calls_recordings_total", "outcome=\"start-failed\""));
        // The call goes on: the pause key is refused without a request, the assistant still answers.
        call.sim.sendDigit('*');
        call.awaitLine(l -> l.endsWith(" system: recording key * ignored: the recording could not be started"));
        call.sim.sendDigit('7');
        call.awaitLine(l -> l.contains(" assistant: The tool said: The recording cannot be paused: the recording "
                + "could not be started."));
        assertEquals(1, rest.received(call.sid()).size(), "one attempt, no retry");
        assertFalse(call.sim.closeRecord().isPresent(), "the call goes on");
        call.sim.hangUp();
        finishedTranscript(call.sid());
        String logged = log.sinceMark();
        List<String> warnings = logged.lines().filter(l -> l.contains("WARN") && l.contains(call.sid())).toList();
        if (answer == Answer.NOT_FOUND) {
            assertEquals(List.of(), warnings, "a call that had ended is no failure of ours");
        } else {
            assertEquals(1, warnings.size(), warnings::toString);
            assertTrue(warnings.get(0).contains("recording start through Twilio failed: " + expected), warnings.get(0));
        }
        assertFalse(ServiceLog.hasStackTrace(logged), "no stack trace");
        assertFalse(logged.contains(FakeTwilioRestResource.API_SECRET), "no secret");
    }

    @Test
    void twiliosSignedStatusCallbacksAreWrittenDownAndForgedOnesRefused() {
        Call call = placeCall();
        String recordingSid = call.awaitRecordingSid();
        Map<String, String> inProgress = status(call, recordingSid, "in-progress", null);

        post(inProgress, "forged").statusCode(403);
        post(inProgress, null).statusCode(403);
        Map<String, String> badSid = status(call, "RE-not-a-sid", "in-progress", null);
        post(badSid, sign(badSid)).statusCode(400);
        post(inProgress, sign(inProgress)).statusCode(204);

        call.awaitLine(l -> l.endsWith(" system: recording " + recordingSid + " in-progress (status callback)"));
        assertEquals(1, call.lines().stream().filter(l -> l.contains("(status callback)")).count(),
                "refused callbacks write nothing");
        call.sim.hangUp();
        finishedTranscript(call.sid());

        // Twilio's "completed" comes once the call is over: it is logged.
        ServiceLog log = ServiceLog.mark();
        Map<String, String> completed = status(call, recordingSid, "completed", "42");
        post(completed, "forged").statusCode(403);
        post(completed, sign(completed)).statusCode(204);
        await("the completed recording is logged", () -> log.sinceMark().lines().anyMatch(l -> l.contains("INFO")
                && l.contains("Call " + call.sid() + ": recording " + recordingSid + " completed, 42 s")));
        assertFalse(ServiceLog.hasStackTrace(log.sinceMark()));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private Call placeCall() {
        CallIdentity identity = twilio.newCall();
        return open(identity, twilio.postVoiceWebhook(identity));
    }

    private Call open(CallIdentity identity, VoiceWebhookResponse answer) {
        List<EmulatorSession> before = emulator.sessions();
        SimulatedCall sim = twilio.openStream(identity, answer.twiml(),
                CallerScript.builder().silence(200).thenSilenceUntilHangUp());
        Call call = new Call(sim, newSession(emulator, before));
        call.awaitLine(l -> l.contains(" assistant: Hi, how can I help?"));
        return call;
    }

    private static Map<String, String> status(Call call, String recordingSid, String status, String duration) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", FakeTwilioRestResource.ACCOUNT_SID);
        form.put("CallSid", call.sid());
        form.put("RecordingSid", recordingSid);
        form.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/" + FakeTwilioRestResource.ACCOUNT_SID
                + "/Recordings/" + recordingSid);
        form.put("RecordingStatus", status);
        form.put("RecordingChannels", "2");
        form.put("RecordingSource", "StartCallRecordingAPI");
        if (duration != null) {
            form.put("RecordingDuration", duration);
        }
        return form;
    }

    private static String sign(Map<String, String> form) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        form.forEach((k, v) -> multi.put(k, List.of(v)));
        return TWILIO.sign(STATUS_URL, multi);
    }

    private static ValidatableResponse post(Map<String, String> form, String signature) {
        RequestSpecification request = given().urlEncodingEnabled(false)
                .contentType("application/x-www-form-urlencoded");
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        if (signature != null) {
            request = request.header("X-Twilio-Signature", signature);
        }
        return request.body(body.toString()).when().post("/voice/recording-status").then();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Call {

        final SimulatedCall sim;
        final EmulatorSession session;

        Call(SimulatedCall sim, EmulatorSession session) {
            this.sim = sim;
            this.session = session;
        }

        String sid() {
            return sim.identity().callSid();
        }

        List<String> lines() {
            return CallHarness.transcriptFile(sid()).map(CallHarness::read).orElse(List.of());
        }

        String awaitLine(Predicate<String> test) {
            await("a transcript line", () -> lines().stream().anyMatch(test));
            return lines().stream().filter(test).findFirst().orElseThrow();
        }

        String awaitRecordingSid() {
            Matcher started = STARTED.matcher(awaitLine(l -> STARTED.matcher(l).find()));
            assertTrue(started.find());
            return started.group(1);
        }

        List<Received> requests() {
            List<Received> requests = rest.received(sid());
            assertTrue(requests.stream().allMatch(FakeTwilioRest::isRecordingRequest), requests::toString);
            return requests;
        }
    }
}
