package dev.aivoicebot.emulator;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Texts derived only from audio length and instructions, so tests can predict them. */
@DefaultBean
@ApplicationScoped
public class DefaultReplyScript implements ReplyScript {

    private static final Pattern QUOTED = Pattern.compile("[\"“]([^\"”]+)[\"”]");

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

    private static String seconds(byte[] audio) {
        return String.format(Locale.ROOT, "%.2f", MuLaw.millis(audio.length) / 1000.0);
    }
}
