package dev.aivoicebot.archive;

import java.time.Instant;

/**
 * What {@link CallArchive#list} is asked for; every filter is optional (null), and all given ones must hold.
 *
 * @param since calls that started at or after this instant
 * @param until calls that started before this instant
 * @param from the caller's number, exactly
 * @param to the called number, exactly
 * @param endReason the end reason's enum name, exactly (an unfinished call has none and never matches)
 * @param text a transcript line of the call contains it, ignoring case
 * @param limit at most this many calls in the page
 * @param after the page starts after this call (the previous page's {@link CallPage#nextCursor()})
 */
public record CallQuery(Instant since, Instant until, String from, String to, String endReason, String text,
        int limit, PageCursor after) {

    /** Whether a call that started at {@code startedAt} falls inside the time window. */
    boolean inWindow(Instant startedAt) {
        return (since == null || !startedAt.isBefore(since)) && (until == null || startedAt.isBefore(until));
    }
}
