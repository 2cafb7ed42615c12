package dev.aivoicebot.emulator;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What makes a scripted tool call happen: a key the caller pressed, or the caller's Nth spoken turn. */
record Trigger(Kind kind, String value) {

    enum Kind { DTMF, TURN }

    /** How the bridge tells the model about a key press: a user text item "The caller pressed 3". */
    private static final Pattern PRESSED = Pattern.compile("\\bcaller pressed ([0-9A-Da-d*#])(?![0-9A-Za-z])",
            Pattern.CASE_INSENSITIVE);

    static Trigger dtmf(String key) {
        return new Trigger(Kind.DTMF, key.toUpperCase(Locale.ROOT));
    }

    static Trigger turn(int n) {
        return new Trigger(Kind.TURN, Integer.toString(n));
    }

    /** The key press a user text reports, or null. */
    static Trigger fromUserText(String text) {
        Matcher pressed = PRESSED.matcher(text);
        return pressed.find() ? dtmf(pressed.group(1)) : null;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + value;
    }
}
