package dev.aivoicebot.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.call.PlaybackTracker.Interruption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The barge-in state machine, event by event, with an explicit clock (ms). 800 bytes = 100 ms. */
class PlaybackTrackerTest {

    private final PlaybackTracker tracker = new PlaybackTracker();

    @Test
    void everyForwardedDeltaGetsAUniqueMarkAndCountsMilliseconds() {
        tracker.responseCreated("resp_1");
        String first = tracker.audioDelta("resp_1", "item_1", 800, 0);
        String second = tracker.audioDelta("resp_1", "item_1", 800, 10);
        assertNotNull(first);
        assertNotEquals(first, second);
        assertEquals(200, tracker.msSent());
        assertEquals(0, tracker.msPlayed());
    }

    @Test
    void markEchoesAdvanceThePlayedPoint() {
        tracker.responseCreated("resp_1");
        String first = tracker.audioDelta("resp_1", "item_1", 800, 0);
        String second = tracker.audioDelta("resp_1", "item_1", 800, 0);
        tracker.markEchoed(first, 100);
        assertEquals(100, tracker.msPlayed());
        tracker.markEchoed(second, 200);
        assertEquals(200, tracker.msPlayed());
    }

    @Test
    void speechWithNothingPlayingOrGeneratingIsNoBargeIn() {
        assertFalse(tracker.speechStarted(0).happened());
        tracker.responseCreated("resp_1");
        String mark = tracker.audioDelta("resp_1", "item_1", 800, 0);
        tracker.responseDone("resp_1");
        tracker.markEchoed(mark, 100);
        assertFalse(tracker.speechStarted(150).happened(), "all audio played and response done");
    }

    @Test
    void bargeInWhileAudioIsUnplayedClearsTruncatesAndCancels() {
        tracker.responseCreated("resp_1");
        String first = tracker.audioDelta("resp_1", "item_1", 800, 1000);
        tracker.audioDelta("resp_1", "item_1", 800, 1000);
        tracker.audioDelta("resp_1", "item_1", 800, 1000);
        tracker.markEchoed(first, 1100); // 100 ms confirmed played at t=1100

        Interruption barge = tracker.speechStarted(1130);

        assertTrue(barge.clear());
        assertEquals("item_1", barge.itemId());
        assertEquals(130, barge.audioEndMs(), "played point + time since it was confirmed");
        assertEquals(300, barge.msSent());
        assertEquals("resp_1", barge.responseId());
    }

    @Test
    void truncateNeverExceedsWhatWasSent() {
        tracker.responseCreated("resp_1");
        tracker.audioDelta("resp_1", "item_1", 800, 0);
        Interruption barge = tracker.speechStarted(60_000); // no echo for a minute: Twilio stalled
        assertEquals(100, barge.audioEndMs());
    }

    @Test
    void deltasOfTheInterruptedResponseAreDropped() {
        tracker.responseCreated("resp_1");
        tracker.audioDelta("resp_1", "item_1", 800, 0);
        tracker.speechStarted(50);
        assertNull(tracker.audioDelta("resp_1", "item_1", 800, 60));
        assertTrue(tracker.wasInterrupted("resp_1"));
        assertEquals(0, tracker.msSent(), "state reset for the next answer");
    }

    @Test
    void marksPendingAtAClearAreIgnoredWhenEchoedLater() {
        tracker.responseCreated("resp_1");
        String stale = tracker.audioDelta("resp_1", "item_1", 800, 0);
        tracker.speechStarted(10);
        tracker.responseCreated("resp_2");
        tracker.audioDelta("resp_2", "item_2", 800, 20);
        tracker.markEchoed(stale, 30); // Twilio echoes cleared marks at once: proves nothing was played
        assertEquals(0, tracker.msPlayed());
    }

    @Test
    void generatingWithAllSentAudioPlayedCancelsAndTruncatesAtWhatWasHeard() {
        tracker.responseCreated("resp_1");
        String mark = tracker.audioDelta("resp_1", "item_1", 1600, 0);
        tracker.markEchoed(mark, 200);
        Interruption barge = tracker.speechStarted(500);
        assertFalse(barge.clear(), "nothing buffered at Twilio");
        assertEquals("item_1", barge.itemId());
        assertEquals(200, barge.audioEndMs());
        assertEquals("resp_1", barge.responseId());
    }

    @Test
    void generatingBeforeAnyAudioOnlyCancels() {
        tracker.responseCreated("resp_1");
        Interruption barge = tracker.speechStarted(5);
        assertFalse(barge.clear());
        assertNull(barge.itemId());
        assertEquals("resp_1", barge.responseId());
    }

    @Test
    void aNewItemStartsItsOwnAccounting() {
        tracker.responseCreated("resp_1");
        String old = tracker.audioDelta("resp_1", "item_1", 800, 0);
        tracker.responseDone("resp_1");
        tracker.responseCreated("resp_2");
        tracker.audioDelta("resp_2", "item_2", 400, 100);
        tracker.markEchoed(old, 110); // the old item's mark says nothing about item_2
        assertEquals(50, tracker.msSent());
        assertEquals(0, tracker.msPlayed());
        Interruption barge = tracker.speechStarted(120);
        assertEquals("item_2", barge.itemId());
        assertEquals(20, barge.audioEndMs());
    }

    @Test
    void responseDoneOfAnotherResponseDoesNotEndTheActiveOne() {
        tracker.responseCreated("resp_2");
        tracker.responseDone("resp_1");
        assertEquals("resp_2", tracker.speechStarted(0).responseId());
    }

    @Test
    void theServiceStoppingAnAnswerDecidesLikeABargeIn() {
        PlaybackTracker byCaller = new PlaybackTracker();
        PlaybackTracker byService = new PlaybackTracker();
        for (PlaybackTracker tracker : List.of(byCaller, byService)) {
            tracker.responseCreated("resp_1");
            tracker.audioDelta("resp_1", "item_1", 8_000, 1_000);
        }
        assertEquals(byCaller.speechStarted(1_400), byService.stopAnswer(1_400));
        assertFalse(byService.hasUnplayedAudio());
    }
}
