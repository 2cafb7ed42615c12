package dev.aivoicebot.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpeechRequestParserTest {

    private final SpeechRequestParser parser = new SpeechRequestParser(SpeechVoice.CORAL, "gpt-4o-mini-tts");

    @Test
    void fillsInTheDefaults() {
        SpeechRequest request = parse(parser, "{\"text\":\" Hi \"}");

        assertEquals(new SpeechRequest("Hi", SpeechVoice.CORAL, AudioFormat.MP3, null, null), request);
    }

    @Test
    void readsVoiceAndFormatWhateverTheirCase() {
        SpeechRequest request = parse(parser, "{\"text\":\"Hi\",\"voice\":\"Verse\",\"format\":\"FLAC\",\"speed\":4}");

        assertEquals(SpeechVoice.VERSE, request.voice());
        assertEquals(AudioFormat.FLAC, request.format());
        assertEquals(4.0, request.speed());
    }

    @Test
    void treatsBlankInstructionsAsNone() {
        assertNull(parse(parser, "{\"text\":\"Hi\",\"instructions\":\"  \"}").instructions());
    }

    @Test
    void refusesInstructionsForModelsThatIgnoreThem() {
        SpeechRequestParser tts1 = new SpeechRequestParser(SpeechVoice.CORAL, "tts-1-hd");

        SpeechException refusal = assertThrows(SpeechException.class,
                () -> parse(tts1, "{\"text\":\"Hi\",\"instructions\":\"Whisper\"}"));
        assertEquals("instructions", refusal.field());
        assertEquals("Hi", parse(tts1, "{\"text\":\"Hi\"}").text());
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String text = "😀".repeat(SpeechRequestParser.MAX_TEXT_CHARS); // 8192 UTF-16 units

        assertEquals(text, parse(parser, "{\"text\":\"" + text + "\"}").text());
        SpeechException refusal = assertThrows(SpeechException.class, () -> parse(parser, "{\"text\":\"" + text + "a\"}"));
        assertEquals(SpeechOutcome.TEXT_TOO_LONG, refusal.outcome());
    }

    private static SpeechRequest parse(SpeechRequestParser parser, String json) {
        return parser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
