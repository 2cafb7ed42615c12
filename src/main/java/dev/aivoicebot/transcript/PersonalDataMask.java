package dev.aivoicebot.transcript;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Masks personal data in transcript text before it is written, so no later reader (the file, a live view, the
 * database fed from the files, the calls API, a webhook) ever holds it. Card numbers: a run of 13 to 19 digits,
 * spaced or dashed or not, that passes the Luhn check becomes {@code [card ending 1111]} (the last four are what a
 * receipt shows). The configured pattern: each match becomes {@code [redacted]}.
 */
public final class PersonalDataMask {

    static final String REDACTED = "[redacted]";

    private final boolean cards;
    private final List<Pattern> patterns;

    PersonalDataMask(boolean cards, List<Pattern> patterns) {
        this.cards = cards;
        this.patterns = List.copyOf(patterns);
    }

    /** Masks card numbers only: what tests and tools that write transcripts outside the service get. */
    static PersonalDataMask cardsOnly() {
        return new PersonalDataMask(true, List.of());
    }

    /** From configuration; an invalid pattern stops the start with a line naming it. */
    static PersonalDataMask of(TranscriptConfig config) {
        List<Pattern> patterns = new ArrayList<>();
        config.maskPattern().ifPresent(pattern -> {
            try {
                patterns.add(Pattern.compile(pattern));
            } catch (PatternSyntaxException e) {
                throw new ConfigurationException("TRANSCRIPT_MASK_PATTERN is not a valid regular expression: "
                        + e.getDescription());
            }
        });
        return new PersonalDataMask(config.maskCards(), patterns);
    }

    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = cards ? maskCards(text) : text;
        for (Pattern pattern : patterns) {
            masked = pattern.matcher(masked).replaceAll(REDACTED);
        }
        return masked;
    }

    /**
     * Finds runs of digit groups joined by single spaces or dashes, without a regular expression (a repeated group
     * recurses once per digit and a long run would overflow the stack), and masks the cards in each run.
     */
    private static String maskCards(String text) {
        StringBuilder out = null;
        int copied = 0;
        List<int[]> groups = new ArrayList<>(); // [start, end) of each digit group of the current run
        int digits = 0;
        int i = 0;
        while (i <= text.length()) {
            int end = i;
            while (end < text.length() && isDigit(text.charAt(end))) {
                end++;
            }
            if (end > i) {
                groups.add(new int[] {i, end});
                digits += end - i;
            }
            boolean joined = end > i && end + 1 < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '-')
                    && isDigit(text.charAt(end + 1));
            if (joined) {
                i = end + 1;
                continue;
            }
            if (digits >= 13) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                copied = maskRun(text, groups, out, copied);
            }
            groups.clear();
            digits = 0;
            i = end + 1;
        }
        return out == null || copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A run may hold more than the card ("4111 1111 1111 1111 12 27" with the expiry): spans of whole digit groups
     * of 13 to 19 digits are tried, longest first from the left, and each that passes the check is masked. Returns
     * how far {@code text} has been copied into {@code out}.
     */
    private static int maskRun(String text, List<int[]> groups, StringBuilder out, int copied) {
        int first = 0;
        while (first < groups.size()) {
            int matchedLast = -1;
            String matched = null;
            int longest = first; // one past the last group that keeps the span within 19 digits
            int count = 0;
            while (longest < groups.size() && count + width(groups.get(longest)) <= 19) {
                count += width(groups.get(longest++));
            }
            for (int last = longest - 1; last >= first && matched == null; last--) {
                String digits = digits(text, groups.get(first)[0], groups.get(last)[1]);
                if (digits.length() >= 13 && luhn(digits)) {
                    matched = digits;
                    matchedLast = last;
                }
            }
            if (matched == null) {
                first++;
                continue;
            }
            out.append(text, copied, groups.get(first)[0]).append("[card ending ")
                    .append(matched, matched.length() - 4, matched.length()).append(']');
            copied = groups.get(matchedLast)[1];
            first = matchedLast + 1;
        }
        return copied;
    }

    private static int width(int[] group) {
        return group[1] - group[0];
    }

    private static String digits(String text, int from, int to) {
        StringBuilder digits = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** The Luhn check every payment card number passes (and 9 in 10 random digit runs fail). */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
