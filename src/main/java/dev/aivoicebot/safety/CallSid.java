package dev.aivoicebot.safety;

import java.util.regex.Pattern;

/** A Twilio Call SID, validated so that nothing else ever reaches a file name or a log line. */
public record CallSid(String value) {

    private static final Pattern FORMAT = Pattern.compile("^CA[0-9a-fA-F]{32}$");

    public CallSid {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a Twilio CallSid");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
