package dev.aivoicebot.archive;

import dev.aivoicebot.safety.CallSid;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;

/**
 * Where a page of calls ends: the start time and CallSid of its last call. Calls are listed newest first, ordered
 * by (start time, CallSid) descending, so the next page holds exactly the calls that sort after this one. Unlike an
 * offset it stays put while calls are added (new calls sort before it) or deleted: no call is shown twice or
 * skipped when paging through a list that grows. Sent to clients as an opaque string.
 */
public record PageCursor(Instant startedAt, String callSid) {

    /** Newest first; the CallSid breaks ties between calls started in the same millisecond. */
    public static final Comparator<PageCursor> NEWEST_FIRST = Comparator.comparing(PageCursor::startedAt)
            .thenComparing(PageCursor::callSid).reversed();

    public String encode() {
        String plain = startedAt.toEpochMilli() + "_" + callSid;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@link #encode} wrote; empty for anything else. */
    public static Optional<PageCursor> decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int underscore = plain.indexOf('_');
            if (underscore < 1 || !CallSid.isValid(plain.substring(underscore + 1))) {
                return Optional.empty();
            }
            Instant at = Instant.ofEpochMilli(Long.parseLong(plain.substring(0, underscore)));
            return Optional.of(new PageCursor(at, plain.substring(underscore + 1)));
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            return Optional.empty(); // NumberFormatException is an IllegalArgumentException
        }
    }

    /** Whether {@code other} comes after this cursor in the list. */
    boolean isBefore(PageCursor other) {
        return NEWEST_FIRST.compare(this, other) < 0;
    }
}
