package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.WAIT;
import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.ServiceLog;
import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.emulator.EmulatorSession;
import dev.aivoicebot.sim.CallRecording.ClosedBy;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.twilio.rest.FakeTwilioRest;
import dev.aivoicebot.twilio.rest.FakeTwilioRestResource;
import dev.aivoicebot.twilio.rest.InjectFakeTwilioRest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without an account SID call control is off: the start-up log says so, and a call the assistant ends is ended by
 * closing its stream, with no request to Twilio (a fake one listens, to catch any). Transfer targets are configured
 * but cannot be used: the model is not offered {@code transfer_call}, and the start-up log warns.
 */
@QuarkusTest
@TestProfile(CallTransferTest.Targets.class)
@WithTestResource(value = FakeTwilioRestResource.class, initArgs = @ResourceArg(name = "credentials", value = "none"))
class CallControlOffTest extends DialingTest {

    @InjectFakeTwilioRest
    FakeTwilioRest rest;

    @Inject
    EmulatorRecorder emulator;

    @Test
    void transferTargetsWithoutCallControlOfferNoTransferTool() throws IOException {
        List<EmulatorSession> before = emulator.sessions();
        SimulatedCall sim = twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());
        EmulatorSession session = CallHarness.newSession(emulator, before);
        await("the session is configured", () -> !session.clientEvents().isEmpty());

        String update = session.clientEvents().get(0);
        assertTrue(update.contains("\"session.update\"") && update.contains("\"end_call\""), update);
        assertFalse(update.contains("transfer_call"), "no transfer without call control: " + update);
        assertTrue(Files.readString(ServiceLog.FILE).lines().anyMatch(l -> l.contains(
                "TRANSFER_TARGETS is set but Twilio call control is off: transfer_call is not offered")));
        sim.hangUp();
    }

    @Test
    void endCallClosesTheStreamAndNothingIsSentToTwilio() throws IOException {
        SimulatedCall sim = twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());
        await("the greeting starts playing", () -> sim.receivedAudioBytes() > 0);
        sim.sendDigit('9');

        assertEquals(ClosedBy.SERVICE, sim.awaitClose(WAIT).by());
        List<String> transcript = finishedTranscript(sim.identity().callSid());
        assertTrue(transcript.get(transcript.size() - 1).contains("call ended: assistant ended the call"),
                transcript::toString);
        assertTrue(transcript.stream().noneMatch(l -> l.contains("hang-up failed")), transcript::toString);
        assertEquals(List.of(), rest.received());
        assertTrue(Files.readString(ServiceLog.FILE).lines().anyMatch(l -> l.contains(
                "Twilio call control is off (TWILIO_ACCOUNT_SID is not set): calls end by closing their media stream")),
                "the start-up log says call control is off");
    }
}
