package dev.aivoicebot.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    @Test
    void parseReadsBackWhatFormatWrote() {
        for (TranscriptLine line : List.of(new TranscriptLine(AT, Speaker.CUSTOMER, false, "I need a table for two"),
                new TranscriptLine(AT, Speaker.ASSISTANT, true, "Sure: what time?"),
                new TranscriptLine(AT, Speaker.SYSTEM, false, ""),
                new TranscriptLine(Instant.parse("2026-11-24T10:15:30Z"), Speaker.SYSTEM, false, "tool x: ok"),
                new TranscriptLine(AT, Speaker.CUSTOMER, false, "my card is [card ending 1111] ok"))) {
            assertEquals(Optional.of(line), TranscriptLine.parse(line.format()), line.format());
            String withoutNewline = line.format().substring(0, line.format().length() - 1);
            assertEquals(Optional.of(line), TranscriptLine.parse(withoutNewline), withoutNewline);
        }
    }

    @Test
    void aTornGarbledOrForeignLineIsEmptyNotAnError() {
        for (String bad : new String[] {null, "", "\n", "2026-11-24T10:15:3", "2026-11-24T10:15:30.123Z",
                "2026-11-24T10:15:30.123Z cust", "2026-11-24T10:15:30.123Z customer", "2026-11-24T10:15:30.123Z customer:",
                "2026-11-24T10:15:30.123Z caller: hello", "2026-11-24T10:15:30.123Z assistant (cut): hello",
                "yesterday customer: hello", "\u0000\u0000\u0000", "2026-13-45T99:99:99Z system: x",
                " customer: hello", "2026-11-24T10:15:30.123Z  customer: hello"}) {
            assertEquals(Optional.empty(), TranscriptLine.parse(bad), String.valueOf(bad));
        }
    }

    @Test
    void speakerTagsReadBack() {
        for (Speaker speaker : Speaker.values()) {
            assertEquals(Optional.of(speaker), Speaker.fromTag(speaker.tag()));
        }
        assertEquals(Optional.empty(), Speaker.fromTag("CUSTOMER"));
        assertEquals(Optional.empty(), Speaker.fromTag(null));
    }
}
