package dev.aivoicebot.safety;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one sanitizer for text that comes from outside (Realtime events, Twilio fields, HTTP bodies) on its way
 * to a log, a transcript or an error body. A peer may quote anything back at us, OpenAI echoes (partly masked)
 * keys, and a newline in a peer's string would forge a line of our log. So the text is folded onto one line
 * (controls and line separators become spaces), invisible format characters (bidi overrides, zero-width
 * characters) are dropped, every configured secret and every key-shaped token is redacted, and the length is
 * capped.
 *
 * <p>Secrets are looked for in the text with its controls and format characters removed, so a secret split by
 * one (a NUL, a newline, a right-to-left override) is still found; the whole stretch it covers is redacted. So is
 * the start of a secret where the text ends, as in an answer the caller cut off mid-secret.
 *
 * <p>Key shapes: OpenAI keys ({@code sk-…}, {@code sk-proj-…}, masked ones too) and standalone 32-hex strings
 * (a Twilio auth token, e.g. the secondary one nobody configured here). Twilio SIDs keep their two-letter
 * prefix ({@code CA…}, {@code MZ…}) glued to the hex, so they stay readable.
 */
public final class SafeText {

    /** Short fields: an error code or message, a phone number, an exception's message. */
    static final int FIELD_MAX = 300;
    /** What someone said, or a log message: long is legitimate, only a runaway peer is cut. */
    static final int LINE_MAX = 32_000;
    private static final int MIN_SECRET_LENGTH = 6;
    /** The shortest start of a secret redacted where text was cut off: short enough to catch, long enough to be it. */
    private static final int MIN_CUT_OFF = 8;
    private static final Pattern OPENAI_KEY = Pattern.compile("(?<![A-Za-z0-9])sk-[A-Za-z0-9_*.\\-]{7,}[A-Za-z0-9_*\\-]");
    private static final Pattern HEX_TOKEN = Pattern.compile("(?<![A-Za-z0-9_\\-])[0-9a-fA-F]{32}(?![A-Za-z0-9_\\-])");
    private static final List<Pattern> KEY_SHAPES = List.of(OPENAI_KEY, HEX_TOKEN);
    private static final List<String> SECRETS = new CopyOnWriteArrayList<>();

    private SafeText() {
    }

    /** Registers a configured secret (at start-up) so that it is redacted wherever it shows up. */
    public static void registerSecret(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_LENGTH && !SECRETS.contains(secret)) {
            SECRETS.add(secret);
        }
    }

    /** A short field from outside, safe to log or show: one line, redacted, at most {@value #FIELD_MAX} chars. */
    public static String of(String text) {
        return clean(text, FIELD_MAX);
    }

    /** Like {@link #of} for long text (a transcript line, a log message): capped at {@value #LINE_MAX} chars. */
    public static String line(String text) {
        return clean(text, LINE_MAX);
    }

    private static String clean(String text, int max) {
        if (text == null) {
            return "";
        }
        int length = text.length();
        StringBuilder folded = new StringBuilder(length); // controls as spaces, format characters gone
        StringBuilder dense = new StringBuilder(length); // controls gone too: where secrets are looked for
        int[] foldedAt = new int[length]; // dense index -> folded index
        for (int i = 0; i < length; ) {
            int c = text.codePointAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                folded.append(' ');
            } else if (type != Character.FORMAT) {
                for (char unit : Character.toChars(c)) {
                    foldedAt[dense.length()] = folded.length();
                    dense.append(unit);
                    folded.append(unit);
                }
            }
            i += Character.charCount(c);
        }
        boolean[] redact = new boolean[folded.length()];
        for (String secret : SECRETS) {
            for (int at = dense.indexOf(secret); at >= 0; at = dense.indexOf(secret, at + 1)) {
                mark(redact, foldedAt[at], foldedAt[at + secret.length() - 1] + 1);
            }
            int cutAt = cutOffAt(dense, secret);
            if (cutAt >= 0) {
                mark(redact, foldedAt[cutAt], folded.length());
            }
        }
        for (Pattern key : KEY_SHAPES) {
            for (Matcher m = key.matcher(dense); m.find(); ) {
                mark(redact, foldedAt[m.start()], foldedAt[m.end() - 1] + 1);
            }
            for (Matcher m = key.matcher(folded); m.find(); ) { // a key right after a newline, e.g. "key:\nsk-…"
                mark(redact, m.start(), m.end());
            }
        }
        return cap(redacted(folded.toString(), redact).strip(), max);
    }

    /**
     * Where the text ends with the start of {@code secret} (at least {@value #MIN_CUT_OFF} characters of it), as
     * an answer the caller interrupted mid-secret does; -1 if it does not.
     */
    private static int cutOffAt(StringBuilder dense, String secret) {
        if (secret.length() <= MIN_CUT_OFF) {
            return -1;
        }
        String start = secret.substring(0, MIN_CUT_OFF);
        for (int at = dense.indexOf(start, Math.max(0, dense.length() - secret.length())); at >= 0;
                at = dense.indexOf(start, at + 1)) {
            if (secret.startsWith(dense.substring(at))) {
                return at;
            }
        }
        return -1;
    }

    private static void mark(boolean[] redact, int from, int to) {
        for (int i = from; i < to; i++) {
            redact[i] = true;
        }
    }

    /** Each redacted stretch becomes {@code ***}, or {@code sk-***} when it was an OpenAI key. */
    private static String redacted(String folded, boolean[] redact) {
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            if (!redact[i]) {
                out.append(folded.charAt(i));
            } else if (i == 0 || !redact[i - 1]) {
                out.append(folded.startsWith("sk-", i) ? "sk-***" : "***");
            }
        }
        return out.toString();
    }

    private static String cap(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }
}
