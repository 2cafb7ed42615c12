package dev.aivoicebot.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The emulator over a real loopback WebSocket: each conversation of {@link EmulatorOverTheWire}, then what
 * the emulator recorded of it (the view tests of the bridge rely on), and fault injection.
 */
@QuarkusTest
class RealtimeEmulatorWebSocketTest extends EmulatorOverTheWire {

    @Inject
    EmulatorRecorder emulator;

    @Inject
    SchemaValidatingInspector inspector;

    @Override
    @Test
    void aServerVadTurnIsCommittedTranscribedAndPlayedBack() {
        super.aServerVadTurnIsCommittedTranscribedAndPlayedBack();

        EmulatorSession session = emulator.session(created.at("/session/id").asText()).orElseThrow();
        assertEquals("gpt-realtime", session.model());
        assertEquals("sk-test", session.authorizationToken().orElseThrow());
        assertArrayEquals(appended, session.inputAudio());
        assertArrayEquals(client.audioOf(responseId), session.responses().get(0).audio());
        assertEquals("session.update", session.clientEventTypes().get(0));
        assertEquals(appended.length / 160 + 1, session.clientEvents().size());
        assertClientEventsMatchTheSchema(session);
    }

    @Override
    @Test
    void speechOverAnActiveResponseCancelsIt() throws Exception {
        super.speechOverAnActiveResponseCancelsIt();

        assertClientEventsMatchTheSchema(emulator.latest().orElseThrow());
    }

    @Override
    @Test
    void responseCancelStopsTheActiveResponseAndIsAnErrorOtherwise() throws Exception {
        super.responseCancelStopsTheActiveResponseAndIsAnErrorOtherwise();

        EmulatorSession.ResponseAudio recorded = emulator.latest().orElseThrow().responses().get(0);
        assertEquals("cancelled", recorded.status());
        assertArrayEquals(client.audioOf(responseId), recorded.audio());
    }

    @Override
    @Test
    void aGreetingSaysTheQuotedSentenceAndCanBeTruncatedOnlyWithinWhatWasSent() {
        super.aGreetingSaysTheQuotedSentenceAndCanBeTruncatedOnlyWithinWhatWasSent();

        EmulatorSession session = emulator.latest().orElseThrow();
        assertEquals(List.of(new EmulatorSession.Truncation(truncatedItem, 0, sentMs + 1, false),
                new EmulatorSession.Truncation("item_unknown", 0, 10, false),
                new EmulatorSession.Truncation(truncatedItem, 0, sentMs / 2, true)), session.truncations());
        assertClientEventsMatchTheSchema(session);
    }

    @Override
    @Test
    void manualCommitClearAndTypedItems() {
        super.manualCommitClearAndTypedItems();

        assertClientEventsMatchTheSchema(emulator.latest().orElseThrow());
    }

    @Override
    @Test
    void anOutOfBandResponseAnswersInTextOutsideTheConversation() {
        super.anOutOfBandResponseAnswersInTextOutsideTheConversation();

        assertClientEventsMatchTheSchema(emulator.latest().orElseThrow());
    }

    @Override
    @Test
    void badEventsGetErrorEventsAndTheSessionCarriesOn() {
        super.badEventsGetErrorEventsAndTheSessionCarriesOn();

        EmulatorSession session = emulator.latest().orElseThrow();
        assertEquals(4, session.errors().size());
        assertEquals(3, inspector.violations(session.id()).size(), "the schema oracle caught the bad events");
    }

    @Override
    @Test
    void theBetaHeaderIsRefusedWithAnErrorAndClose4000() {
        super.theBetaHeaderIsRefusedWithAnErrorAndClose4000();

        assertEquals(4000, awaitClosed(emulator.latest().orElseThrow()));
    }

    @Test
    void faultInjectionReachesTheClient() {
        client = connect(Map.of("Authorization", "Bearer sk-test"));
        client.await("session.created");
        EmulatorSession session = emulator.latest().orElseThrow();
        session.sendError("server_error", "server_error", "The server had an error.");
        assertEquals("server_error", client.await("error").at("/error/code").asText());
        emulator.closeAll(1011, "injected");
        assertEquals(1011, client.awaitClose());
        assertEquals(1011, awaitClosed(session));
        client = null;
    }

    /** The server side learns of the close a moment after the client does. */
    private static int awaitClosed(EmulatorSession session) {
        for (int i = 0; i < 250 && !session.closed(); i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return session.closeCode().orElseThrow();
    }

    /** Every event the bridge-side client sent matched OpenAI's schema (the emulator's oracle says so). */
    private void assertClientEventsMatchTheSchema(EmulatorSession session) {
        assertEquals(List.of(), inspector.violations(session.id()));
    }
}
