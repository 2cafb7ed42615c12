package dev.aivoicebot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.sim.PlayoutBuffer.QueuedMark;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Twilio's player, event by event on a made-up clock. */
class PlayoutBufferTest {

    private final PlayoutBuffer player = new PlayoutBuffer();

    private static long ms(long millis) {
        return millis * 1_000_000;
    }

    private static List<String> names(List<QueuedMark> marks) {
        return marks.stream().map(QueuedMark::name).toList();
    }

    @Test
    void markWithNothingBufferedIsEchoedAtOnce() {
        assertEquals(List.of("m"), names(player.mark("m", ms(5))));
    }

    @Test
    void markIsEchoedWhenTheAudioBeforeItHasPlayed() {
        player.append(1600, ms(0));                 // 200 ms of audio
        assertTrue(player.mark("m", ms(0)).isEmpty());
        assertEquals(ms(200), player.nextMarkDueNanos().getAsLong());
        assertTrue(player.dueMarks(ms(199)).isEmpty());
        List<QueuedMark> due = player.dueMarks(ms(200));
        assertEquals(List.of("m"), names(due));
        assertEquals(ms(0), due.get(0).receivedNanos());
        assertEquals(1600, player.playedBytes(ms(200)));
    }

    @Test
    void audioQueuesBehindAudioAndStartsFreshAfterAGap() {
        player.append(160, ms(0));
        player.append(160, ms(5));                  // queued: plays 20..40 ms
        assertEquals(320 - 8 * 10, player.bufferedBytes(ms(10)));
        player.mark("a", ms(5));
        assertEquals(ms(40), player.nextMarkDueNanos().getAsLong());
        assertEquals(List.of("a"), names(player.dueMarks(ms(40))));

        player.append(160, ms(100));                // buffer ran dry: plays 100..120 ms
        player.mark("b", ms(100));
        assertEquals(ms(120), player.nextMarkDueNanos().getAsLong());
    }

    @Test
    void marksAreEchoedInOrder() {
        player.append(80, ms(0));
        player.mark("first", ms(0));
        player.append(80, ms(0));
        player.mark("second", ms(0));
        assertEquals(List.of("first"), names(player.dueMarks(ms(10))));
        assertEquals(List.of("second"), names(player.dueMarks(ms(20))));
    }

    @Test
    void clearDropsUnplayedAudioAndEchoesEveryPendingMarkAtOnce() {
        player.append(1600, ms(0));
        player.mark("one", ms(0));
        player.append(800, ms(0));
        player.mark("two", ms(0));

        PlayoutBuffer.Cleared cleared = player.clear(ms(50));

        assertEquals(2400 - 400, cleared.discardedBytes());
        assertEquals(List.of("one", "two"), names(cleared.echoedMarks()));
        assertTrue(player.nextMarkDueNanos().isEmpty());
        assertEquals(0, player.bufferedBytes(ms(50)));
        assertEquals(400, player.playedBytes(ms(1000)));
        assertEquals(2000, player.discardedBytes());
        assertEquals(List.of("after"), names(player.mark("after", ms(51))), "nothing buffered after a clear");
    }

    @Test
    void clearWithNothingBufferedDiscardsNothing() {
        player.append(160, ms(0));
        PlayoutBuffer.Cleared cleared = player.clear(ms(30));
        assertEquals(0, cleared.discardedBytes());
        assertTrue(cleared.echoedMarks().isEmpty());
        assertEquals(160, player.playedBytes(ms(30)));
    }

    @Test
    void worksWhenTheClockIsNegative() {
        long t = Long.MIN_VALUE / 2;
        player.append(160, t);
        player.mark("m", t);
        assertTrue(player.dueMarks(t + ms(19)).isEmpty());
        assertEquals(List.of("m"), names(player.dueMarks(t + ms(20))));
    }
}
