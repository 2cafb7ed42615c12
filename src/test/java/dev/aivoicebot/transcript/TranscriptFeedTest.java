package dev.aivoicebot.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.safety.CallSid;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptFeedTest {

    private static final CallSid CALL = new CallSid("CA" + "0123456789abcdef".repeat(2));

    private static TranscriptLine line(Speaker speaker, String text) {
        return new TranscriptLine(Instant.EPOCH, speaker, false, text);
    }

    @Test
    void aLateSubscriberGetsTheLinesSoFarThenTheNewOnesThenTheEnd() {
        TranscriptFeeds feeds = new TranscriptFeeds();
        TranscriptFeed feed = feeds.watch(CALL).orElseThrow();
        assertEquals(feed, feeds.forStartingCall(CALL));
        feed.publish(line(Speaker.SYSTEM, "call started"));
        AssertSubscriber<TranscriptLine> watcher = feed.lines().subscribe().withSubscriber(AssertSubscriber.create(10));
        feed.publish(line(Speaker.CUSTOMER, "hello"));
        feed.close(line(Speaker.SYSTEM, "call ended"), System.nanoTime());
        feed.publish(line(Speaker.ASSISTANT, "too late"));

        watcher.assertCompleted();
        assertEquals(List.of("call started", "hello", "call ended"),
                watcher.getItems().stream().map(TranscriptLine::text).toList());
        AssertSubscriber<TranscriptLine> afterTheEnd = feed.lines().subscribe().withSubscriber(AssertSubscriber.create(10));
        afterTheEnd.assertCompleted();
        assertEquals(3, afterTheEnd.getItems().size());
    }

    @Test
    void callsNobodyWatchesHaveNoFeed() {
        TranscriptFeeds feeds = new TranscriptFeeds();
        assertEquals(null, feeds.forStartingCall(CALL));
        assertTrue(feeds.find(CALL.value()).isEmpty());
        assertTrue(feeds.find(null).isEmpty());
    }

    @Test
    void feedsAreForgottenWhenUnusedOrLongEnded() {
        TranscriptFeed unused = new TranscriptFeed(0);
        assertTrue(unused.expired(11, 10, 10));
        TranscriptFeed started = new TranscriptFeed(0);
        started.started();
        assertTrue(!started.expired(1_000, 10, 10), "a call in progress keeps its feed");
        started.close(line(Speaker.SYSTEM, "call ended"), 1_000);
        assertTrue(!started.expired(1_005, 10, 10));
        assertTrue(started.expired(1_011, 10, 10));
    }
}
