package dev.aivoicebot.transcript;

/** Who said a transcript line. The lower-case name is the tag written to the file. */
public enum Speaker {
    CUSTOMER, ASSISTANT, SYSTEM;

    public String tag() {
        return name().toLowerCase();
    }
}
