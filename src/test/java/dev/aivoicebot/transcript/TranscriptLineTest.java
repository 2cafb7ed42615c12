package dev.aivoicebot.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TranscriptLineTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:15:30.123Z");

    @Test
    void formatIsTimestampSpeakerText() {
        assertEquals("2026-11-24T10:15:30.123Z customer: I need a table for two\n",
                new TranscriptLine(AT, Speaker.CUSTOMER, false, "I need a table for two").format());
        assertEquals("2026-11-24T10:15:30.123Z assistant (interrupted): Sure, what time\n",
                new TranscriptLine(AT, Speaker.ASSISTANT, true, "Sure, what time").format());
        assertEquals("2026-11-24T10:15:30.123Z system: call started\n",
                new TranscriptLine(AT, Speaker.SYSTEM, false, "call started").format());
    }

    @Test
    void textIsFoldedOntoOneLine() {
        assertEquals("2026-11-24T10:15:30.123Z customer: one two   three\n",
                new TranscriptLine(AT, Speaker.CUSTOMER, false, "one\ntwo\r\n\u2028three\u0000").format());
        assertEquals("2026-11-24T10:15:30Z system: \n",
                new TranscriptLine(Instant.parse("2026-11-24T10:15:30Z"), Speaker.SYSTEM, false, null).format());
    }

    @Test
    void noKeyAndNoInvisibleCharacterReachesTheLine() {
        assertEquals("2026-11-24T10:15:30.123Z customer: my key is sk-*** ok\n",
                new TranscriptLine(AT, Speaker.CUSTOMER, false, "my key is sk-proj-\u0000abcdefghijkl\u202e ok").format());
        String longAnswer = "word ".repeat(1_000).strip();
        assertEquals(longAnswer, new TranscriptLine(AT, Speaker.ASSISTANT, false, longAnswer).text(),
                "a long answer is kept whole");
    }

    @Test
    void theFileTextIsWhatFormatWrites() {
        TranscriptLine cut = new TranscriptLine(AT, Speaker.ASSISTANT, true, "I heard 1.92 seconds of audio ");
        assertEquals("I heard 1.92 seconds of audio", cut.text());
        assertEquals("2026-11-24T10:15:30.123Z assistant (interrupted): " + cut.text() + "\n", cut.format());
    }
}
