package dev.aivoicebot.admin;

import dev.aivoicebot.archive.CallQuery;
import dev.aivoicebot.archive.PageCursor;
import dev.aivoicebot.call.CallEndReason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the filters of {@code GET /api/calls} from the query parameters; a value that cannot be meant refuses the
 * request (400) naming the parameter. An empty parameter is the same as none, as a form sends it.
 */
final class CallQueryParser {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int MAX_TEXT = 200;
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{1,14}$");

    private CallQueryParser() {
    }

    static CallQuery parse(String since, String until, String from, String to, String endReason, String text,
            String limit, String cursor) {
        Instant start = time("since", since, false);
        Instant end = time("until", until, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw AdminException.badParameter("until", "must be after since");
        }
        return new CallQuery(start, end, number("from", from), number("to", to), endReason(endReason), text(text),
                limit(limit), cursor(cursor));
    }

    /** An instant ({@code 2026-12-04T10:15:00Z}, or with an offset) or a UTC date: since its start, until its end. */
    private static Instant time(String name, String value, boolean endOfDay) {
        if (absent(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                throw AdminException.badParameter(name,
                        "expected an ISO-8601 instant (2026-12-04T10:15:00Z) or date (2026-12-04), got '" + value + "'");
            }
        }
    }

    /** An E.164 number. A '+' left unencoded in a query string arrives as a space; it is read as the '+' it was. */
    private static String number(String name, String value) {
        if (absent(value)) {
            return null;
        }
        String number = value.startsWith(" ") ? "+" + value.substring(1) : value;
        if (!E164.matcher(number).matches()) {
            throw AdminException.badParameter(name, "expected an E.164 number like +15550100 (encode '+' as %2B),"
                    + " got '" + value + "'");
        }
        return number;
    }

    private static String endReason(String value) {
        if (absent(value)) {
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (Arrays.stream(CallEndReason.values()).noneMatch(reason -> reason.name().equals(name))) {
            throw AdminException.badParameter("endReason", "expected one of "
                    + Arrays.stream(CallEndReason.values()).map(Enum::name).collect(Collectors.joining(", "))
                    + ", got '" + value + "'");
        }
        return name;
    }

    private static String text(String value) {
        if (absent(value) || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw AdminException.badParameter("q", "at most " + MAX_TEXT + " characters");
        }
        return value.strip();
    }

    private static int limit(String value) {
        if (absent(value)) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of range
        }
        throw AdminException.badParameter("limit", "expected a whole number from 1 to " + MAX_LIMIT + ", got '"
                + value + "'");
    }

    private static PageCursor cursor(String value) {
        if (absent(value)) {
            return null;
        }
        return PageCursor.decode(value).orElseThrow(() -> AdminException.badParameter("cursor",
                "not a cursor this API gave out (pass nextCursor from the previous page unchanged)"));
    }

    private static boolean absent(String value) {
        return value == null || value.isEmpty();
    }
}
