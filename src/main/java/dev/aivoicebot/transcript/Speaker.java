package dev.aivoicebot.transcript;

import java.util.Optional;

/** Who said a transcript line. The lower-case name is the tag written to the file. */
public enum Speaker {
    CUSTOMER, ASSISTANT, SYSTEM;

    public String tag() {
        return name().toLowerCase();
    }

    /** The speaker a file's tag names; empty for anything else (a torn or foreign line). */
    public static Optional<Speaker> fromTag(String tag) {
        for (Speaker speaker : values()) {
            if (speaker.tag().equals(tag)) {
                return Optional.of(speaker);
            }
        }
        return Optional.empty();
    }
}
