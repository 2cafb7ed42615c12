package dev.aivoicebot.openai;

import java.util.regex.Pattern;

/** Makes upstream error text safe to log or write: OpenAI echoes (partly masked) keys in some messages. */
public final class SafeText {

    private static final Pattern API_KEY = Pattern.compile("sk-[A-Za-z0-9_*\\-.]{3,}");
    private static final int MAX_LENGTH = 300;

    private SafeText() {
    }

    public static String of(String message) {
        if (message == null) {
            return "";
        }
        String redacted = API_KEY.matcher(message).replaceAll("sk-***");
        return redacted.length() > MAX_LENGTH ? redacted.substring(0, MAX_LENGTH) + "…" : redacted;
    }
}
