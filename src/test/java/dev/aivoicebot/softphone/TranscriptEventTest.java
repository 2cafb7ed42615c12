package dev.aivoicebot.softphone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aivoicebot.transcript.Speaker;
import dev.aivoicebot.transcript.TranscriptLine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The live transcript shows each line exactly as the file has it (an interrupted answer is cut mid-word). */
class TranscriptEventTest {

    @Test
    void aLiveLineCarriesTheFilesText() {
        TranscriptLine cut = new TranscriptLine(Instant.parse("2026-11-24T10:15:30Z"), Speaker.ASSISTANT, true,
                "I heard 1.92 seconds of audio \n");
        DemoCallResource.TranscriptEvent event = DemoCallResource.TranscriptEvent.of(cut);
        assertEquals("I heard 1.92 seconds of audio", event.text());
        assertEquals(true, event.interrupted());
    }
}
