package dev.aivoicebot.openai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Makes upstream error text safe to log or write: OpenAI echoes (partly masked) keys in some messages, and a
 * peer may quote anything back at us. Removes key-shaped tokens and every configured secret's exact value.
 */
public final class SafeText {

    private static final Pattern API_KEY = Pattern.compile("sk-[A-Za-z0-9_*\\-.]{3,}");
    private static final int MAX_LENGTH = 300;
    private static final int MIN_SECRET_LENGTH = 6;
    private static final List<String> SECRETS = new CopyOnWriteArrayList<>();

    private SafeText() {
    }

    /** Registers a configured secret (at start-up) so that it is redacted wherever it shows up. */
    public static void registerSecret(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_LENGTH && !SECRETS.contains(secret)) {
            SECRETS.add(secret);
        }
    }

    public static String of(String message) {
        if (message == null) {
            return "";
        }
        String redacted = message;
        for (String secret : SECRETS) {
            redacted = redacted.replace(secret, "***");
        }
        redacted = API_KEY.matcher(redacted).replaceAll("sk-***");
        return redacted.length() > MAX_LENGTH ? redacted.substring(0, MAX_LENGTH) + "…" : redacted;
    }
}
