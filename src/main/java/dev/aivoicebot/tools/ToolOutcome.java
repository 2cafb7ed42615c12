package dev.aivoicebot.tools;

import java.util.Locale;

/** How a tool call ended; {@link #tag()} is what metrics and the transcript show. */
public enum ToolOutcome {
    OK,
    ERROR,
    TIMEOUT,
    INVALID_ARGUMENTS,
    UNKNOWN;

    private final String tag = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** {@code ok}, {@code error}, {@code timeout}, {@code invalid-arguments} or {@code unknown}. */
    public String tag() {
        return tag;
    }
}
