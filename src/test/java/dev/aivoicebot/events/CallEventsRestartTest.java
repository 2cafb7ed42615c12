package dev.aivoicebot.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aivoicebot.transcript.TranscriptStore;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A restart loses no event: the service starts on a LOG_DIR whose outbox a previous run left with one event
 * pending and one claimed by a replica that died mid-attempt (its lease over), and delivers both, once each.
 */
@QuarkusTest
@WithTestResource(value = FakeEventReceiverResource.class, initArgs = @ResourceArg(name = "leftOver", value = "true"))
class CallEventsRestartTest {

    @InjectFakeEventReceiver
    FakeEventReceiver receiver;

    @Inject
    TranscriptStore transcripts;

    @Test
    void whatAPreviousRunLeftInTheOutboxIsDeliveredOnceEach() throws IOException, InterruptedException {
        for (String sid : FakeEventReceiverResource.LEFT_OVER) {
            CallEventsTest.await("the left-over event of " + sid + " is delivered",
                    () -> !receiver.receivedFor(sid).isEmpty());
        }
        Thread.sleep(1500); // a poll more: nothing is sent twice
        for (String sid : FakeEventReceiverResource.LEFT_OVER) {
            List<FakeEventReceiver.Received> got = receiver.receivedFor(sid);
            assertEquals(1, got.size(), sid);
            assertEquals(List.of(), got.get(0).problems());
        }
        Path outbox = transcripts.dir().resolve("outbox");
        for (String state : List.of("pending", "claimed")) {
            try (Stream<Path> files = Files.list(outbox.resolve(state))) {
                assertEquals(List.of(), files.toList(), state);
            }
        }
    }
}
