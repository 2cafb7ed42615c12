package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.WAIT;
import static dev.aivoicebot.call.CallHarness.assertNoSimulatorProblems;
import static dev.aivoicebot.call.CallHarness.assertSchemaClean;
import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static dev.aivoicebot.call.CallHarness.newSession;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.emulator.EmulatorSession;
import dev.aivoicebot.emulator.SchemaValidatingInspector;
import dev.aivoicebot.metrics.MetricsScrape;
import dev.aivoicebot.sim.CallRecording.ClosedBy;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.ConnectStreamTwiml;
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
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Transfer to a person in whole calls, against the emulator and a fake Twilio REST API on real sockets: the model
 * calls {@code transfer_call} with a configured name (key 4: sales, a number; key 6: support, a SIP URI) or a name
 * that is not configured (key 5); the call is updated with a {@code <Dial>} once the announcement has played, and
 * Twilio's callbacks (the whisper, the dial's end) are answered as signed webhooks.
 */
@QuarkusTest
@TestProfile(CallTransferTest.Targets.class)
@WithTestResource(FakeTwilioRestResource.class)
class CallTransferTest extends DialingTest {

    static final String SALES = "+15550100";
    static final String SUPPORT = "sip:desk@pbx.example.com";

    public static class Targets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("transfer.targets", "sales=" + SALES + ",support=" + SUPPORT,
                    "emulator.tool-calls",
                    "dtmf:4 -> transfer_call({\"target\":\"sales\",\"reason\":\"wants a quote\"}); "
                            + "dtmf:5 -> !transfer_call({\"target\":\"legal\",\"reason\":\"a lawsuit\"}); "
                            + "dtmf:6 -> transfer_call({\"target\":\"support\",\"reason\":\"printer broken\"}); "
                            + "dtmf:9 -> end_call()");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TwilioSignature TWILIO = new TwilioSignature(CallHarness.AUTH_TOKEN);

    @Inject
    EmulatorRecorder emulator;

    @Inject
    SchemaValidatingInspector schemas;

    @InjectFakeTwilioRest
    FakeTwilioRest rest;

    @Override
    void beforeDialing() {
        rest.reset();
        rest.allowDialing(Set.of(SALES, SUPPORT));
    }

    @Test
    void aNamedTargetIsDialedOnceTheAnnouncementHasPlayedAndTheCallEndsAsTransferred() throws Exception {
        MetricsScrape before = MetricsScrape.now();
        Call call = dialAndWaitForTheGreeting();
        JsonNode tool = null;
        for (JsonNode declared : parse(call.session.clientEvents().get(0)).at("/session/tools")) {
            tool = "transfer_call".equals(declared.path("name").asText()) ? declared : tool;
        }
        assertTrue(tool != null && tool.path("description").asText().contains("Targets: sales, support."),
                "declared with the names listed: " + tool);
        assertEquals("[\"sales\",\"support\"]", tool.at("/parameters/properties/target/enum").toString());

        call.sim.sendDigit('4');

        assertEquals(ClosedBy.SERVICE, call.sim.awaitClose(WAIT).by());
        List<String> transcript = finishedTranscript(call.sid());
        Received update = call.onlyRequest();
        assertEquals(List.of(), update.problems(), "well-formed TwiML dialing a configured target only");
        Element dial = dialOf(update);
        assertEquals(call.sim.identity().to(), dial.getAttribute("callerId"), "the caller sees our number");
        assertEquals("20", dial.getAttribute("timeout"));
        assertEquals(CallHarness.PUBLIC_BASE_URL + "/voice/transfer-status", dial.getAttribute("action"));
        Element number = (Element) dial.getElementsByTagName("Number").item(0);
        assertEquals(SALES, number.getTextContent());
        assertEquals(CallHarness.PUBLIC_BASE_URL + "/voice/whisper?call=" + call.sid(), number.getAttribute("url"));
        long spoken = call.session.responses().stream().mapToLong(r -> r.audio().length).sum();
        assertTrue(call.playedAtRequest.get() >= spoken, "the announcement had played when the call was updated");
        assertTrue(transcript.stream().anyMatch(l -> l.endsWith(" system: transfer to sales requested: wants a quote")),
                transcript::toString);
        assertTrue(transcript.stream().anyMatch(l -> l.contains(" assistant: The tool said: Transferring to sales now")),
                transcript::toString);
        assertTrue(transcript.stream().anyMatch(l -> l.endsWith(" system: transferred to sales")), transcript::toString);
        assertTrue(transcript.get(transcript.size() - 1).contains(" system: call ended: transferred (to sales) after "),
                transcript::toString);
        CallDetails details = CallHarness.finishedDetails(call.sid());
        assertEquals("TRANSFERRED", details.endReason());
        assertEquals("sales", details.transferTarget(), "the target's name, as the model chose it");
        assertEquals(1, MetricsScrape.now().delta(before, "calls_transfers_total", "target=\"sales\"",
                "outcome=\"dialed\""));
        assertEquals(1, MetricsScrape.now().delta(before, "calls_ended_total", "reason=\"transferred\""));
        assertSchemaClean(schemas, call.session);
        assertNoSimulatorProblems(call.sim);

        // The person who answers hears a one-sentence summary; only Twilio can ask for it.
        String whisperUrl = number.getAttribute("url");
        Map<String, String> form = Map.of("CallSid", "CA" + "5".repeat(32), "ParentCallSid", call.sid());
        String say = signedPost(whisperUrl, form).statusCode(200).extract().asString();
        assertEquals("Transferred call for sales. Reason: wants a quote.", sayOf(say));
        post(whisperUrl, form, "forged").statusCode(403);
        post(whisperUrl, form, null).statusCode(403);

        // The person answered and the conversation is over: the call hangs up.
        Map<String, String> status = dialStatus(call, "completed");
        String hangUp = signedPost(CallHarness.PUBLIC_BASE_URL + "/voice/transfer-status", status).statusCode(200)
                .extract().asString();
        assertEquals("Hangup", FakeTwilioRest.parse(hangUp).getDocumentElement().getFirstChild().getNodeName());
        assertEquals(1, MetricsScrape.now().delta(before, "calls_transfers_total", "target=\"sales\"",
                "outcome=\"answered\""));
    }

    @Test
    void whenNobodyAnswersTheCallerComesBackToTheAssistantWithTheConversationRestored() {
        MetricsScrape before = MetricsScrape.now();
        Call call = dialAndWaitForTheGreeting();
        call.sim.sendDigit('6');
        assertEquals(ClosedBy.SERVICE, call.sim.awaitClose(WAIT).by());
        Element dial = dialOf(call.onlyRequest());
        Element sip = (Element) dial.getElementsByTagName("Sip").item(0);
        assertEquals(SUPPORT, sip.getTextContent());
        post(CallHarness.PUBLIC_BASE_URL + "/voice/transfer-status", dialStatus(call, "busy"), "forged").statusCode(403);

        String twiml = signedPost(CallHarness.PUBLIC_BASE_URL + "/voice/transfer-status", dialStatus(call, "busy"))
                .statusCode(200).extract().asString();

        assertEquals(1, MetricsScrape.now().delta(before, "calls_transfers_total", "target=\"support\"",
                "outcome=\"not-answered\""));
        List<EmulatorSession> sessions = emulator.sessions();
        SimulatedCall back = twilio.openStream(call.sim.identity(), ConnectStreamTwiml.parse(twiml),
                CallerScript.builder().silence(200).thenSilenceUntilHangUp());
        EmulatorSession resumed = newSession(emulator, sessions);
        await("the assistant says nobody answered", () -> resumed.responses().size() == 1);
        List<JsonNode> events = resumed.clientEvents().stream().map(CallTransferTest::parse).toList();
        assertTrue(events.stream().anyMatch(e -> e.at("/item/role").asText().equals("assistant")
                && e.at("/item/content/0/text").asText().contains("Transferring to support now")),
                "the conversation so far is replayed: " + events);
        assertTrue(events.stream().anyMatch(e -> e.path("type").asText().equals("response.create")
                && e.at("/response/instructions").asText().contains("nobody answered")), events::toString);
        back.hangUp();
        List<String> second = transcripts(call.sid()).get(1);
        assertTrue(second.stream().anyMatch(l -> l.endsWith(" system: back from a transfer to support nobody answered")),
                second::toString);
        assertSchemaClean(schemas, resumed);

        // A second dial-end for the same call finds no transfer to come back from: an apology and a hang-up.
        String again = signedPost(CallHarness.PUBLIC_BASE_URL + "/voice/transfer-status", dialStatus(call, "no-answer"))
                .statusCode(200).extract().asString();
        assertTrue(again.contains("<Say>") && again.contains("<Hangup/>"), again);
    }

    @Test
    void aNameThatIsNotConfiguredIsRefusedWithTheValidNamesAndNothingIsDialed() {
        MetricsScrape before = MetricsScrape.now();
        Call call = dialAndWaitForTheGreeting();

        call.sim.sendDigit('5');

        call.awaitLine(l -> l.endsWith(" system: transfer refused: no target named legal"));
        String said = call.awaitLine(l -> l.contains(" assistant: The tool said: There is no transfer target named"));
        assertTrue(said.contains("The valid targets are: sales, support"), said);
        assertEquals(List.of(), rest.received(call.sid()));
        assertFalse(call.sim.closeRecord().isPresent(), "the call goes on");
        assertEquals(1, MetricsScrape.now().delta(before, "calls_transfers_total", "target=\"unknown\"",
                "outcome=\"unknown-target\""));
        call.sim.hangUp();
        assertTrue(finishedTranscript(call.sid()).stream().noneMatch(l -> l.contains("transferred")));
    }

    @Test
    void whenTheUpdateFailsTheModelIsToldAndTheCallGoesOn() {
        MetricsScrape before = MetricsScrape.now();
        Call call = dialAndWaitForTheGreeting();
        rest.answer(call.sid(), Answer.SERVER_ERROR);

        call.sim.sendDigit('4');

        String failed = call.awaitLine(l -> l.contains(" system: transfer to sales failed: "));
        assertTrue(failed.contains("Twilio answered HTTP 500 (error 20500: Internal Server Error)"), failed);
        await("the model is told, then asked to answer", () -> {
            List<JsonNode> events = call.session.clientEvents().stream().map(CallTransferTest::parse).toList();
            int told = -1;
            for (int i = 0; i < events.size(); i++) {
                JsonNode e = events.get(i);
                if (e.at("/item/role").asText().equals("user")
                        && e.at("/item/content/0/text").asText().contains("the transfer to sales failed")) {
                    told = i;
                } else if (told >= 0 && e.path("type").asText().equals("response.create")) {
                    return true;
                }
            }
            return false;
        });
        await("the assistant speaks after the failure", () -> {
            List<String> lines = call.lines();
            int failure = lines.indexOf(failed);
            return lines.subList(failure + 1, lines.size()).stream().anyMatch(l -> l.contains(" assistant: "));
        });
        assertFalse(call.sim.closeRecord().isPresent(), "the call goes on");
        assertEquals(1, rest.received(call.sid()).size());
        assertEquals(1, MetricsScrape.now().delta(before, "calls_transfers_total", "target=\"sales\"",
                "outcome=\"dial-failed\""));
        call.sim.hangUp();
        List<String> transcript = finishedTranscript(call.sid());
        assertTrue(transcript.get(transcript.size() - 1).contains("call ended: caller hung up"), transcript::toString);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private Call dialAndWaitForTheGreeting() {
        List<EmulatorSession> before = emulator.sessions();
        SimulatedCall sim = twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());
        Call call = new Call(sim, newSession(emulator, before));
        rest.onRequest(request -> {
            if (call.sid().equals(request.callSid())) {
                call.playedAtRequest.set(sim.playedBytes());
            }
        });
        call.awaitLine(l -> l.contains(" assistant: Hi, how can I help?"));
        return call;
    }

    private static Map<String, String> dialStatus(Call call, String dialCallStatus) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("CallSid", call.sid());
        form.put("From", call.sim.identity().from());
        form.put("To", call.sim.identity().to());
        form.put("DialCallStatus", dialCallStatus);
        return form;
    }

    private static ValidatableResponse signedPost(String publicUrl, Map<String, String> form) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        form.forEach((k, v) -> multi.put(k, List.of(v)));
        return post(publicUrl, form, TWILIO.sign(publicUrl, multi));
    }

    /** Posts to the local server the path and query Twilio would request at {@code publicUrl}. */
    private static ValidatableResponse post(String publicUrl, Map<String, String> form, String signature) {
        RequestSpecification request = given().urlEncodingEnabled(false)
                .contentType("application/x-www-form-urlencoded");
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        if (signature != null) {
            request = request.header("X-Twilio-Signature", signature);
        }
        return request.body(body.toString()).when().post(publicUrl.substring(CallHarness.PUBLIC_BASE_URL.length()))
                .then();
    }

    private static Element dialOf(Received update) {
        Document twiml = FakeTwilioRest.parse(update.form().get("Twiml"));
        return (Element) twiml.getDocumentElement().getElementsByTagName("Dial").item(0);
    }

    private static String sayOf(String twiml) {
        return FakeTwilioRest.parse(twiml).getElementsByTagName("Say").item(0).getTextContent();
    }

    /** The call's transcripts, oldest first (a caller back from a transfer gets a second one). */
    private static List<List<String>> transcripts(String callSid) {
        await("both transcripts are closed", () -> files(callSid).size() == 2 && files(callSid).stream()
                .map(CallHarness::read).allMatch(l -> !l.isEmpty() && l.get(l.size() - 1).contains("call ended:")));
        return files(callSid).stream().map(CallHarness::read).toList();
    }

    private static List<Path> files(String callSid) {
        try (Stream<Path> files = Files.list(CallHarness.TRANSCRIPTS)) {
            return files.filter(f -> f.getFileName().toString().endsWith("_" + callSid + ".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        final AtomicLong playedAtRequest = new AtomicLong(-1);

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

        Received onlyRequest() {
            List<Received> requests = rest.received(sid());
            assertEquals(1, requests.size(), requests::toString);
            return requests.get(0);
        }
    }
}
