package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static dev.aivoicebot.call.CallHarness.newSession;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.ServiceLog;
import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.emulator.EmulatorSession;
import dev.aivoicebot.metrics.MetricsScrape;
import dev.aivoicebot.sim.CallIdentity;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.transcript.CallDetails;
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
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Outbound calls end to end, against the emulator and a fake Twilio REST API on real sockets: {@code POST /calls}
 * creates the call with the right form and credential, or refuses (key, allow-list, caller ID, body) without
 * asking Twilio; Twilio's failures are a 502 with no secret; signed callbacks drive {@code GET /calls/{sid}/status};
 * when the simulator answers {@code /voice} for the placed call, the greeting waits for the answering-machine
 * result: a person is greeted with the request's greeting and context, a machine gets the voicemail message.
 */
@QuarkusTest
@TestProfile(OutboundCallTest.Outbound.class)
@WithTestResource(FakeTwilioRestResource.class)
class OutboundCallTest extends DialingTest {

    static final String KEY = "calls-api-key-canary-7b3e90";

    public static class Outbound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outbound.enabled", "true", "outbound.api-key", KEY, "outbound.allowed", "+1555*,+442071838750",
                    "outbound.from", "+15550199,+15550198", "outbound.amd-wait", "3s",
                    "outbound.voicemail-message", "Your appointment is tomorrow at 3 pm. Goodbye.",
                    "outbound.rate-limit-requests", "1000");
        }
    }

    private static final TwilioSignature TWILIO = new TwilioSignature(CallHarness.AUTH_TOKEN);
    private static final String BASE = CallHarness.PUBLIC_BASE_URL;

    @Inject
    EmulatorRecorder emulator;

    @InjectFakeTwilioRest
    FakeTwilioRest rest;

    @Override
    void beforeDialing() {
        rest.reset();
    }

    @Test
    void aCallIsCreatedWithTheFormAndCredentialTwilioWants() {
        MetricsScrape before = MetricsScrape.now();
        ExtractableResponse<Response> created = placeCall("{\"to\": \"+15550123\"}").statusCode(201)
                .contentType("application/json").extract();

        String sid = created.path("callSid");
        assertEquals("queued", created.path("status"));
        Received request = onlyCreate();
        assertEquals(sid, request.callSid(), "the SID returned is the one Twilio gave");
        assertEquals(List.of(), request.problems());
        assertEquals(FakeTwilioRestResource.API_KEY, request.username());
        assertEquals("/2010-04-01/Accounts/" + FakeTwilioRestResource.ACCOUNT_SID + "/Calls.json", request.path());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("To", "+15550123");
        expected.put("From", "+15550199");
        expected.put("Url", BASE + "/voice");
        expected.put("Method", "POST");
        expected.put("StatusCallback", BASE + "/voice/outbound/status");
        expected.put("StatusCallbackMethod", "POST");
        expected.put("StatusCallbackEvent", "initiated ringing answered completed");
        expected.put("MachineDetection", "DetectMessageEnd");
        expected.put("AsyncAmd", "true");
        expected.put("AsyncAmdStatusCallback", BASE + "/voice/outbound/amd");
        expected.put("AsyncAmdStatusCallbackMethod", "POST");
        assertEquals(expected, request.form());
        assertEquals(1, MetricsScrape.now().delta(before, "calls_outbound_total", "outcome=\"created\""));
        status(sid).statusCode(200).body("callSid", org.hamcrest.Matchers.equalTo(sid))
                .body("status", org.hamcrest.Matchers.equalTo("queued"));
    }

    @Test
    void anotherOfOurNumbersMayBeTheCallerId() {
        placeCall("{\"to\": \"+442071838750\", \"from\": \"+15550198\"}").statusCode(201);
        assertEquals("+15550198", onlyCreate().form().get("From"));
    }

    @Test
    void withoutTheKeyOrWithAWrongOneNothingIsDialed() {
        String body = "{\"to\": \"+15550123\"}";
        given().contentType("application/json").body(body).when().post("/calls").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"calls\"").body("error.code", org.hamcrest.Matchers.equalTo("unauthorized"));
        given().header("Authorization", "Bearer " + KEY + "x").contentType("application/json").body(body)
                .when().post("/calls").then().statusCode(401);
        given().header("Authorization", "Basic " + KEY).contentType("application/json").body(body)
                .when().post("/calls").then().statusCode(401);
        given().when().get("/calls/" + CallIdentity.randomSid("CA") + "/status").then().statusCode(401);
        assertEquals(List.of(), rest.received(), "nothing reaches Twilio");
    }

    @Test
    void refusedRequestsAreClearJsonErrorsAndNeverReachTwilio() {
        MetricsScrape before = MetricsScrape.now();
        placeCall("{\"to\": \"+15560123\"}").statusCode(403)
                .body("error.code", org.hamcrest.Matchers.equalTo("destination_not_allowed"));
        placeCall("{\"to\": \"+4420718387501\"}").statusCode(403); // a whole-number entry is no prefix
        placeCall("{\"to\": \"+15550123\", \"from\": \"+15550100\"}").statusCode(400)
                .body("error.message", org.hamcrest.Matchers.containsString("OUTBOUND_FROM"));
        placeCall("{\"to\": \"5550123\"}").statusCode(400).body("error.message",
                org.hamcrest.Matchers.containsString("E.164"));
        placeCall("{\"to\": \"+15550123\", \"dial\": \"+19005550000\"}").statusCode(400)
                .body("error.message", org.hamcrest.Matchers.containsString("unknown field 'dial'"));
        placeCall("{\"to\": ").statusCode(400);
        placeCall("[\"+15550123\"]").statusCode(400);
        placeCall("{\"to\": \"+15550123\", \"profile\": \"no spaces\"}").statusCode(400);
        placeCall("{\"to\": \"+15550123\", \"profile\": \"clinic\"}").statusCode(400).body("error.message",
                org.hamcrest.Matchers.equalTo("no profile named 'clinic'; known: default"));
        placeCall("{\"to\": \"+15550123\", \"context\": \"" + "x".repeat(2001) + "\"}").statusCode(400);
        given().header("Authorization", "Bearer " + KEY).contentType("text/plain").body("{\"to\": \"+15550123\"}")
                .when().post("/calls").then().statusCode(415);
        assertEquals(List.of(), rest.received(), "nothing reaches Twilio");
        assertEquals(11, MetricsScrape.now().delta(before, "calls_outbound_total", "outcome=\"refused\""));
    }

    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"UNAUTHORIZED", "TOO_MANY_REQUESTS", "SERVER_ERROR", "HANG"})
    void whenTwilioFailsTheClientGetsA502WithNoSecret(Answer answer) {
        MetricsScrape before = MetricsScrape.now();
        rest.answerCreates(answer);
        ServiceLog log = ServiceLog.mark();

        String body = placeCall("{\"to\": \"+15550123\"}").statusCode(502).contentType("application/json")
                .body("error.code", org.hamcrest.Matchers.equalTo("twilio_failed")).extract().asString();

        String expected = switch (answer) {
            case UNAUTHORIZED -> "Twilio answered HTTP 401 (error 20003: Authenticate); check TWILIO_ACCOUNT_SID";
            case TOO_MANY_REQUESTS -> "Twilio answered HTTP 429 (error 20429: Too Many Requests)";
            case SERVER_ERROR -> "Twilio answered HTTP 500 (error 20500: Internal Server Error)";
            default -> "Twilio did not answer within 1 s";
        };
        assertTrue(body.contains(expected), body);
        assertFalse(body.contains(FakeTwilioRestResource.API_SECRET) || body.contains(KEY), body);
        assertEquals(1, MetricsScrape.now().delta(before, "calls_outbound_total", "outcome=\"create-failed\""));
        await("the failure is logged", () -> log.sinceMark().contains("creating it through Twilio failed"));
        String logged = log.sinceMark();
        assertFalse(logged.contains(FakeTwilioRestResource.API_SECRET) || logged.contains(KEY), "no secret in the log");
        assertFalse(ServiceLog.hasStackTrace(logged), "no stack trace");
    }

    @Test
    void signedCallbacksDriveTheStatusAndForgedOnesAreRefused() {
        MetricsScrape before = MetricsScrape.now();
        String sid = placeCall("{\"to\": \"+15550123\"}").statusCode(201).extract().path("callSid");

        Map<String, String> ringing = callStatus(sid, "ringing");
        post("/voice/outbound/status", ringing, "forged").statusCode(403);
        post("/voice/outbound/status", ringing, null).statusCode(403);
        status(sid).body("status", org.hamcrest.Matchers.equalTo("queued"));
        post("/voice/outbound/status", callStatus(sid, "initiated"), sign("/voice/outbound/status",
                callStatus(sid, "initiated"))).statusCode(204);
        post("/voice/outbound/status", ringing, sign("/voice/outbound/status", ringing)).statusCode(204);
        status(sid).body("status", org.hamcrest.Matchers.equalTo("ringing"));

        Map<String, String> inProgress = callStatus(sid, "in-progress");
        post("/voice/outbound/status", inProgress, sign("/voice/outbound/status", inProgress)).statusCode(204);
        Map<String, String> amd = amd(sid, "human");
        post("/voice/outbound/amd", amd, "forged").statusCode(403);
        status(sid).body("status", org.hamcrest.Matchers.equalTo("in-progress"))
                .body("answeredBy", org.hamcrest.Matchers.nullValue());
        post("/voice/outbound/amd", amd, sign("/voice/outbound/amd", amd)).statusCode(204);
        status(sid).body("answeredBy", org.hamcrest.Matchers.equalTo("human"));

        Map<String, String> bad = callStatus(sid, "exploded");
        post("/voice/outbound/status", bad, sign("/voice/outbound/status", bad)).statusCode(400);
        Map<String, String> completed = callStatus(sid, "completed");
        post("/voice/outbound/status", completed, sign("/voice/outbound/status", completed)).statusCode(204);
        post("/voice/outbound/status", ringing, sign("/voice/outbound/status", ringing)).statusCode(204);
        status(sid).body("status", org.hamcrest.Matchers.equalTo("completed")); // a late ringing changes nothing
        assertEquals(1, MetricsScrape.now().delta(before, "calls_outbound_total", "outcome=\"completed\""));

        status(CallIdentity.randomSid("CA")).statusCode(404).body("error.code", org.hamcrest.Matchers.equalTo("not_found"));
        status("not-a-sid").statusCode(404);
    }

    @Test
    void aPersonIsGreetedWithTheRequestsGreetingAndContextOnceDetectionSaysHuman() {
        Placed call = answer("{\"to\": \"+15550123\", \"greeting\": \"Hi, this is Ada from the clinic.\", "
                + "\"context\": \"Reminder for the appointment at 3 pm on Friday.\", \"profile\": \"default\"}");
        String sessionUpdate = call.session.clientEvents().get(0);
        assertTrue(sessionUpdate.contains("\"type\":\"session.update\""), sessionUpdate);
        assertTrue(sessionUpdate.contains("Reminder for the appointment at 3 pm on Friday."), sessionUpdate);

        pause(700); // the caller's line is live meanwhile: nothing of it reaches the model, nothing is said
        assertEquals(List.of("session.update"), call.session.clientEventTypes(), "held until detection answers");

        Map<String, String> amd = amd(call.sid, "human");
        post("/voice/outbound/amd", amd, sign("/voice/outbound/amd", amd)).statusCode(204);

        call.awaitLine(l -> l.endsWith(" system: answered by a person (human); greeting"));
        call.awaitLine(l -> l.contains(" assistant: Hi, this is Ada from the clinic."));
        List<String> events = call.session.clientEvents();
        String greeting = events.stream().filter(e -> e.contains("\"type\":\"response.create\"")).findFirst().orElseThrow();
        assertTrue(greeting.contains("Hi, this is Ada from the clinic."), greeting);
        assertTrue(call.lines().stream().anyMatch(l -> l.endsWith(" system: outbound call with profile default; "
                + "context: Reminder for the appointment at 3 pm on Friday.")), call.lines()::toString);
        await("caller audio reaches the model after the greeting is let go",
                () -> call.session.clientEventTypes().contains("input_audio_buffer.append"));
        assertTrue(rest.received(call.sid).isEmpty(), "no update of the call for a person");
        call.sim.hangUp();
    }

    @Test
    void aMachineGetsTheVoicemailMessageAfterTheBeepAndTheCallEnds() {
        MetricsScrape before = MetricsScrape.now();
        Placed call = answer("{\"to\": \"+15550123\"}");

        Map<String, String> amd = amd(call.sid, "machine_end_beep");
        post("/voice/outbound/amd", amd, sign("/voice/outbound/amd", amd)).statusCode(204);

        await("the voicemail update reaches Twilio", () -> !rest.received(call.sid).isEmpty());
        Received update = rest.received(call.sid).get(0);
        assertEquals(List.of(), update.problems());
        Document twiml = FakeTwilioRest.parse(update.form().get("Twiml"));
        assertNotNull(twiml, update.form().toString());
        List<String> verbs = new java.util.ArrayList<>();
        for (Node n = twiml.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element verb) {
                verbs.add(verb.getTagName());
            }
        }
        assertEquals(List.of("Say", "Hangup"), verbs, update.form().get("Twiml"));
        assertEquals("Your appointment is tomorrow at 3 pm. Goodbye.",
                twiml.getElementsByTagName("Say").item(0).getTextContent());
        List<String> lines = finishedTranscript(call.sid);
        assertTrue(lines.stream().anyMatch(l -> l.endsWith(
                " system: answered by a machine (machine_end_beep); leaving a voicemail message")), lines::toString);
        assertTrue(lines.get(lines.size() - 1).contains(" system: call ended: answered by a machine, voicemail "
                + "message left after "), lines::toString);
        assertFalse(call.session.clientEventTypes().contains("response.create"), "the model never spoke to the machine");
        assertFalse(call.session.clientEventTypes().contains("input_audio_buffer.append"), "nor heard it");
        assertEquals(1, MetricsScrape.now().delta(before, "calls_voicemail_total", "action=\"message\""));
        assertEquals(1, MetricsScrape.now().delta(before, "calls_ended_total", "reason=\"voicemail\""));
        CallDetails details = CallHarness.finishedDetails(call.sid);
        assertEquals(List.of("outbound", "default", "+15550123", "VOICEMAIL"),
                List.of(details.direction(), details.profile(), details.to(), details.endReason()), details::toString);
    }

    @Test
    void withoutADetectionResultTheCallGreetsOnceTheWaitIsOver() {
        Placed call = answer("{\"to\": \"+15550123\"}");

        String line = call.awaitLine(l -> l.contains(" system: no answering-machine result within "));
        assertTrue(line.endsWith("within 3000 ms; greeting"), line);
        call.awaitLine(l -> l.contains(" assistant: Hello, this is the virtual assistant calling. Do you have a moment?"));
        // A result after the wait counts for nothing: the person is already being talked to.
        Map<String, String> amd = amd(call.sid, "machine_end_beep");
        post("/voice/outbound/amd", amd, sign("/voice/outbound/amd", amd)).statusCode(204);
        pause(300);
        assertTrue(rest.received(call.sid).isEmpty(), "no voicemail update after the greeting");
        call.sim.hangUp();
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static ValidatableResponse placeCall(String json) {
        return given().header("Authorization", "Bearer " + KEY).contentType("application/json").body(json)
                .when().post("/calls").then();
    }

    private static ValidatableResponse status(String sid) {
        return given().header("Authorization", "Bearer " + KEY).when().get("/calls/" + sid + "/status").then();
    }

    private Received onlyCreate() {
        List<Received> requests = rest.received();
        assertEquals(1, requests.size(), requests::toString);
        assertTrue(FakeTwilioRest.isCreateRequest(requests.get(0)), requests::toString);
        return requests.get(0);
    }

    /** Places a call, then answers it the way Twilio does: /voice for that CallSid, then the media stream. */
    private Placed answer(String json) {
        String sid = placeCall(json).statusCode(201).extract().path("callSid");
        Received created = onlyCreate();
        rest.reset();
        CallIdentity identity = new CallIdentity(FakeTwilioRestResource.ACCOUNT_SID, sid, CallIdentity.randomSid("MZ"),
                created.form().get("From"), created.form().get("To"));
        List<EmulatorSession> before = emulator.sessions();
        SimulatedCall sim = twilio.openStream(identity, twilio.postVoiceWebhook(identity).twiml(),
                CallerScript.builder().silence(200).thenSilenceUntilHangUp());
        EmulatorSession session = newSession(emulator, before);
        await("the session is configured", () -> !session.clientEvents().isEmpty());
        return new Placed(sid, sim, session);
    }

    private static Map<String, String> callStatus(String sid, String status) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", FakeTwilioRestResource.ACCOUNT_SID);
        form.put("CallSid", sid);
        form.put("CallStatus", status);
        form.put("Direction", "outbound-api");
        form.put("To", "+15550123");
        form.put("From", "+15550199");
        return form;
    }

    private static Map<String, String> amd(String sid, String answeredBy) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", FakeTwilioRestResource.ACCOUNT_SID);
        form.put("CallSid", sid);
        form.put("AnsweredBy", answeredBy);
        form.put("MachineDetectionDuration", "2400");
        return form;
    }

    private static String sign(String path, Map<String, String> form) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        form.forEach((k, v) -> multi.put(k, List.of(v)));
        return TWILIO.sign(BASE + path, multi);
    }

    private static ValidatableResponse post(String path, Map<String, String> form, String signature) {
        RequestSpecification request = given().urlEncodingEnabled(false)
                .contentType("application/x-www-form-urlencoded");
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        if (signature != null) {
            request = request.header("X-Twilio-Signature", signature);
        }
        return request.body(body.toString()).when().post(path).then();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Placed(String sid, SimulatedCall sim, EmulatorSession session) {

        List<String> lines() {
            return CallHarness.transcriptFile(sid).map(CallHarness::read).orElse(List.of());
        }

        String awaitLine(Predicate<String> test) {
            await("a transcript line", () -> lines().stream().anyMatch(test));
            return lines().stream().filter(test).findFirst().orElseThrow();
        }
    }
}
