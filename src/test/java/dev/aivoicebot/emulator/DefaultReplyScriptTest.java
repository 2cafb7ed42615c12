package dev.aivoicebot.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the emulator says back after tool calls. */
class DefaultReplyScriptTest {

    private final DefaultReplyScript script = new DefaultReplyScript();

    @Test
    void eachResultIsOneSentenceThenEachDeclinedCall() {
        assertEquals("The tool said: 18 degrees. The tool said: 14:05. The tool call was not approved.",
                script.toolReplyTranscript(List.of("18 degrees.", "14:05"), 1));
        assertEquals("The tool said nothing.", script.toolReplyTranscript(List.of(" \n "), 0));
    }

    @Test
    void aLongResultIsSaidOnOneLineAndCut() {
        String said = script.toolReplyTranscript(List.of("{\n  \"note\": \"" + "y".repeat(500) + "\"\n}"), 0);

        assertTrue(said.startsWith("The tool said: { \"note\": \"yyy"), said);
        assertTrue(said.endsWith("y…"), said);
        assertEquals("The tool said: ".length() + DefaultReplyScript.MAX_RESULT_CHARS, said.length());
    }
}
