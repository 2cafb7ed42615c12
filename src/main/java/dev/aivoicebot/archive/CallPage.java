package dev.aivoicebot.archive;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One page of calls, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
@RegisterForReflection
public record CallPage(List<CallSummary> calls, String nextCursor) {
}
