package dev.aivoicebot.speech;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The built-in voices of OpenAI's speech endpoint (docs/protocol.md, "OpenAI speech"). */
public enum SpeechVoice {
    ALLOY, ASH, BALLAD, CORAL, ECHO, FABLE, ONYX, NOVA, SAGE, SHIMMER, VERSE, MARIN, CEDAR;

    /** The name on the wire, as OpenAI spells it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SpeechVoice> fromWireName(String name) {
        return Arrays.stream(values()).filter(v -> v.wireName().equalsIgnoreCase(name.trim())).findFirst();
    }

    static String allWireNames() {
        return Arrays.stream(values()).map(SpeechVoice::wireName).collect(Collectors.joining(", "));
    }
}
