package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.assertNoSimulatorProblems;
import static dev.aivoicebot.call.CallHarness.assertSchemaClean;
import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static dev.aivoicebot.call.CallHarness.newSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.emulator.EmulatorSession;
import dev.aivoicebot.emulator.SchemaValidatingInspector;
import dev.aivoicebot.sim.CallIdentity;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.VoiceWebhookResponse;
import dev.aivoicebot.twilio.rest.FakeTwilioRest;
import dev.aivoicebot.twilio.rest.FakeTwilioRest.Received;
import dev.aivoicebot.twilio.rest.FakeTwilioRestResource;
import dev.aivoicebot.twilio.rest.InjectFakeTwilioRest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Assistant profiles in whole calls, against the emulator and a fake Twilio REST API on real sockets: a call to the
 * sales number gets the sales profile (its instructions, voice, transcription language, greeting, no tools of the
 * registry, only the sales target, recorded after the notice); a call to any other number gets the ASSISTANT_*
 * settings (every tool, every target, not recorded). What the emulator received is checked, against OpenAI's schemas.
 */
@QuarkusTest
@TestProfile(CallProfilesTest.Profiles.class)
@WithTestResource(FakeTwilioRestResource.class)
class CallProfilesTest extends DialingTest {

    static final String SALES_NUMBER = "+15005550123";
    static final String SALES_INSTRUCTIONS = "You are the sales line of Example Shop. Keep it short.";
    static final String SALES_GREETING = "Sales here, what can I get you?";

    public static class Profiles implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path file;
            try {
                file = Files.writeString(Files.createTempFile(Path.of("target").toAbsolutePath(), "profiles-", ".json"),
                        """
                        {"profiles": [
                          {"name": "sales", "numbers": ["%s"], "instructions": "%s", "voice": "cedar",
                           "greeting": "%s", "language": "de", "tools": [],
                           "transfer_targets": ["sales"], "recording": "dual"},
                          {"name": "reminders", "instructions": "You remind customers of their appointments."}
                        ]}""".formatted(SALES_NUMBER, SALES_INSTRUCTIONS, SALES_GREETING));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("profiles.file", file.toString(),
                    "transfer.targets", "sales=+15550100,support=sip:desk@pbx.example.com",
                    "emulator.tool-calls", "dtmf:3 -> !current_time(); "
                            + "dtmf:5 -> !transfer_call({\"target\":\"support\",\"reason\":\"printer broken\"})");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmulatorRecorder emulator;

    @Inject
    SchemaValidatingInspector schemas;

    @Inject
    AssistantProfiles profiles;

    @Inject
    AssistantConfig assistant;

    @InjectFakeTwilioRest
    FakeTwilioRest rest;

    @Override
    void beforeDialing() {
        rest.reset();
    }

    @Test
    void aCallToTheSalesNumberGetsTheSalesProfile() {
        CallIdentity identity = twilio.newCall().withTo(SALES_NUMBER);
        VoiceWebhookResponse answer = twilio.postVoiceWebhook(identity);
        assertTrue(answer.body().contains("<Say>This call may be recorded.</Say>"), "the notice first: " + answer.body());

        Call call = open(identity, answer, SALES_GREETING);

        JsonNode session = call.event(0).path("session");
        assertEquals("session.update", call.event(0).path("type").asText());
        assertEquals(SALES_INSTRUCTIONS, session.path("instructions").asText());
        assertEquals("cedar", session.at("/audio/output/voice").asText());
        assertEquals("de", session.at("/audio/input/transcription/language").asText());
        assertEquals(List.of("end_call", "transfer_call", "pause_recording", "resume_recording"), toolNames(session),
                "none of the registry's, only the call's own");
        assertEquals("[\"sales\"]", transferTool(session).at("/parameters/properties/target/enum").toString());
        assertTrue(transferTool(session).path("description").asText().contains("Targets: sales."));
        call.awaitLine(l -> l.endsWith(" system: recording started (" + call.recordingSid() + ")"));
        List<String> lines = call.lines();
        assertTrue(lines.get(1).endsWith(" system: profile sales"), lines::toString);
        assertSchemaClean(schemas, call.session);
        call.sim.hangUp();
        assertNoSimulatorProblems(call.sim);
    }

    @Test
    void aCallToAnyOtherNumberGetsTheAssistantOfTheEnvironment() throws IOException {
        CallIdentity identity = twilio.newCall();
        VoiceWebhookResponse answer = twilio.postVoiceWebhook(identity);
        assertFalse(answer.body().contains("<Say>"), "not recorded, so no notice: " + answer.body());

        Call call = open(identity, answer, assistant.greeting());

        JsonNode session = call.event(0).path("session");
        assertEquals(Files.readString(Path.of("src/main/resources", AssistantSettings.DEFAULT_INSTRUCTIONS)).strip(),
                session.path("instructions").asText());
        assertEquals("marin", session.at("/audio/output/voice").asText());
        assertTrue(session.at("/audio/input/transcription").has("model"));
        assertFalse(session.at("/audio/input/transcription").has("language"), "the model guesses the language");
        assertEquals(List.of("current_time", "end_call", "transfer_call"), toolNames(session));
        assertEquals("[\"sales\",\"support\"]", transferTool(session).at("/parameters/properties/target/enum").toString());
        assertSchemaClean(schemas, call.session);
        call.sim.hangUp();
        List<String> transcript = finishedTranscript(call.sid());
        assertTrue(transcript.get(1).endsWith(" system: profile default"), transcript::toString);
        assertEquals(List.of(), rest.received(call.sid()), "nothing recorded");
    }

    @Test
    void aSalesCallCanUseNeitherAToolNorATargetItsProfileLacks() {
        CallIdentity identity = twilio.newCall().withTo(SALES_NUMBER);
        Call call = open(identity, twilio.postVoiceWebhook(identity), SALES_GREETING);
        call.recordingSid();

        call.sim.sendDigit('5');
        call.awaitLine(l -> l.endsWith(" system: transfer refused: no target named support"));
        String refused = call.awaitLine(l -> l.contains(" assistant: The tool said: There is no transfer target named"));
        assertTrue(refused.contains("The valid targets are: sales. Nothing was dialed."), refused);

        call.sim.sendDigit('3');
        String unknown = call.awaitLine(l -> l.contains(" assistant: The tool said: There is no tool named"));
        assertTrue(unknown.contains("\"current_time\" in this call"), unknown);
        assertTrue(call.lines().stream().anyMatch(l -> l.endsWith(" system: tool current_time: unknown")),
                call.lines()::toString);

        List<Received> requests = rest.received(call.sid());
        assertEquals(1, requests.size(), "the recording's start, and no dial: " + requests);
        assertTrue(requests.get(0).path().endsWith("/Recordings.json"), requests.get(0).path());
        assertFalse(call.sim.closeRecord().isPresent(), "the call goes on");
        call.sim.hangUp();
    }

    @Test
    void profilesAreFoundByNameForOutboundCallsAndTakeACallsContext() {
        assertEquals(List.of("sales", "reminders", "default"), List.copyOf(profiles.names()));
        AssistantProfile reminders = profiles.named("reminders").orElseThrow();
        assertEquals("You remind customers of their appointments.", reminders.sessionUpdate().session().instructions());
        assertEquals("default", profiles.forNumber(SALES_NUMBER.replace("123", "999")).name());
        assertEquals("default", profiles.forNumber(null).name());
        assertTrue(profiles.named("support").isEmpty());

        AssistantProfile adapted = reminders.withContext("Appointment at 3 pm tomorrow.").withGreeting("Hi, it's Example.");

        assertEquals("You remind customers of their appointments.\n\nContext for this call: Appointment at 3 pm tomorrow.",
                adapted.sessionUpdate().session().instructions());
        assertTrue(adapted.greeting().response().instructions().contains("\"Hi, it's Example.\""));
        assertEquals("You remind customers of their appointments.", reminders.sessionUpdate().session().instructions(),
                "the shared profile is unchanged");
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** Opens the stream and waits for the greeting the emulator speaks, the one quoted in the greeting's instructions. */
    private Call open(CallIdentity identity, VoiceWebhookResponse answer, String greeting) {
        List<EmulatorSession> before = emulator.sessions();
        SimulatedCall sim = twilio.openStream(identity, answer.twiml(),
                CallerScript.builder().silence(200).thenSilenceUntilHangUp());
        Call call = new Call(sim, newSession(emulator, before));
        call.awaitLine(l -> l.endsWith(" assistant: " + greeting));
        return call;
    }

    private static List<String> toolNames(JsonNode session) {
        List<String> names = new ArrayList<>();
        session.path("tools").forEach(tool -> names.add(tool.path("name").asText()));
        return names;
    }

    private static JsonNode transferTool(JsonNode session) {
        for (JsonNode tool : session.path("tools")) {
            if (tool.path("name").asText().equals("transfer_call")) {
                return tool;
            }
        }
        throw new AssertionError("no transfer_call in " + session);
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

        List<JsonNode> events() {
            return session.clientEvents().stream().map(CallProfilesTest::parse).toList();
        }

        JsonNode event(int index) {
            return parse(session.clientEvents().get(index));
        }

        List<String> lines() {
            return CallHarness.transcriptFile(sid()).map(CallHarness::read).orElse(List.of());
        }

        String awaitLine(Predicate<String> test) {
            await("a transcript line", () -> lines().stream().anyMatch(test));
            return lines().stream().filter(test).findFirst().orElseThrow();
        }

        /** The SID of the recording the call started, once Twilio has answered. */
        String recordingSid() {
            String line = awaitLine(l -> l.contains(" system: recording started ("));
            return line.substring(line.indexOf('(') + 1, line.indexOf(')'));
        }
    }
}
