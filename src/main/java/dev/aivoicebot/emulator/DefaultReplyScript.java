package dev.aivoicebot.emulator;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Texts derived only from audio length and instructions, so tests can predict them. */
@DefaultBean
@ApplicationScoped
public class DefaultReplyScript implements ReplyScript {

    private static final Pattern QUOTED = Pattern.compile("[\"“]([^\"”]+)[\"”]");
    /** Longest tool result said whole; a longer one is cut there and ends with "…". */
    static final int MAX_RESULT_CHARS = 200;

    @Override
    public String transcribe(byte[] userAudio) {
        return "caller spoke for " + seconds(userAudio) + " seconds";
    }

    @Override
    public String echoTranscript(byte[] userAudio) {
        return "I heard " + seconds(userAudio) + " seconds of audio and played it back.";
    }

    /** The first quoted sentence of the instructions if there is one ("Say: \"Hello!\""), else all of them. */
    @Override
    public String greetingTranscript(String instructions) {
        Matcher quoted = QUOTED.matcher(instructions);
        return quoted.find() ? quoted.group(1).trim() : instructions.trim();
    }

    /** "The tool said: …" per result (whitespace collapsed, long ones cut), then a sentence per declined call. */
    @Override
    public String toolReplyTranscript(List<String> results, int declinedCalls) {
        List<String> sentences = new ArrayList<>();
        for (String result : results) {
            String said = result.strip().replaceAll("\\s+", " ");
            if (said.length() > MAX_RESULT_CHARS) {
                said = said.substring(0, MAX_RESULT_CHARS - 1) + "…";
            }
            sentences.add(said.isEmpty() ? "The tool said nothing." : "The tool said: " + said
                    + (said.matches(".*[.!?…]$") ? "" : "."));
        }
        for (int i = 0; i < declinedCalls; i++) {
            sentences.add("The tool call was not approved.");
        }
        return String.join(" ", sentences);
    }

    private static String seconds(byte[] audio) {
        return String.format(Locale.ROOT, "%.2f", MuLaw.millis(audio.length) / 1000.0);
    }
}
