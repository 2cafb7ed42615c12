package dev.aivoicebot.transcript;

import java.util.List;

/**
 * A call as its files tell it: the lines written so far and, once it has ended, its details.
 *
 * @param details null while the call is live (and for a call whose process died before it ended)
 * @param live no details yet: the call is going on, or it was cut off by a crash (only the caller's replica can tell)
 */
public record CallRecord(CallFileName name, CallDetails details, List<NumberedLine> lines, boolean live) {
}
