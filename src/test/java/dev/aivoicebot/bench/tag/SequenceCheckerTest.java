package dev.aivoicebot.bench.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aivoicebot.bench.tag.SequenceChecker.Arrival;
import org.junit.jupiter.api.Test;

class SequenceCheckerTest {

    @Test
    void inOrderFramesAreNeitherLostNorReordered() {
        SequenceChecker check = new SequenceChecker(0);
        for (int i = 0; i < 3000; i++) {
            assertEquals(Arrival.IN_ORDER, check.accept(i));
        }
        assertEquals(3000, check.received());
        assertEquals(0, check.missing() + check.duplicated() + check.reordered());
    }

    @Test
    void aGapIsLostUntilItsFramesArriveLate() {
        SequenceChecker check = new SequenceChecker(0);
        check.accept(0);
        assertEquals(Arrival.AFTER_GAP, check.accept(3));
        assertEquals(2, check.missing());
        assertEquals(Arrival.LATE, check.accept(1));
        assertEquals(1, check.missing());
        assertEquals(1, check.reordered());
        assertEquals(Arrival.DUPLICATE, check.accept(1));
        assertEquals(Arrival.DUPLICATE, check.accept(3));
        assertEquals(2, check.duplicated());
        assertEquals(3, check.received());
    }

    @Test
    void framesBeforeTheFirstArrivalAreMissing() {
        SequenceChecker check = new SequenceChecker(0);
        check.accept(5);
        assertEquals(5, check.missing());
    }

    @Test
    void aFrameFarBehindIsReorderedNotADuplicate() {
        SequenceChecker check = new SequenceChecker(0);
        check.accept(0);
        check.accept(SequenceChecker.WINDOW + 10);
        assertEquals(Arrival.LATE, check.accept(1));
        assertEquals(1, check.reordered());
    }
}
