package dev.aivoicebot.bench.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnswerAudioCheckerTest {

    private int seq;

    private FrameTag frame(int response, int index, boolean last) {
        return new FrameTag(last ? FrameTag.LAST : 0, 1, seq++, 0, response, index, 0);
    }

    @Test
    void aCompleteAnswerThenTheNextIsNotLoss() {
        AnswerAudioChecker check = new AnswerAudioChecker();
        assertTrue(check.accept(frame(1, 0, false)));
        assertFalse(check.accept(frame(1, 1, true)));
        assertTrue(check.accept(frame(2, 0, false)));
        check.settle();
        assertEquals(0, check.lost());
        assertEquals(3, check.received());
    }

    @Test
    void theTailOfAnInterruptedAnswerMayBeDroppedButNotItsMiddle() {
        AnswerAudioChecker check = new AnswerAudioChecker();
        check.accept(frame(1, 0, false));
        seq++; // frame 1 of response 1 never arrives
        check.accept(frame(1, 2, false));
        check.clear();
        seq += 5; // the rest of response 1, dropped after the clear: legitimate
        check.accept(frame(2, 0, false));
        check.settle();
        assertEquals(1, check.lost(), "only the frame missing before one that arrived");
        assertEquals(0, check.afterClear());
    }

    @Test
    void audioOfAClearedAnswerAfterTheClearIsCounted() {
        AnswerAudioChecker check = new AnswerAudioChecker();
        check.accept(frame(1, 0, false));
        check.clear();
        check.accept(frame(1, 1, false));
        assertEquals(1, check.afterClear());
    }

    @Test
    void settlingTwiceDoesNotCountTwice() {
        AnswerAudioChecker check = new AnswerAudioChecker();
        check.accept(frame(1, 0, false));
        seq++;
        check.accept(frame(1, 2, false));
        check.settle();
        check.settle();
        check.accept(frame(1, 3, true));
        check.settle();
        assertEquals(1, check.lost());
        assertEquals(0, check.duplicated() + check.reordered());
    }
}
