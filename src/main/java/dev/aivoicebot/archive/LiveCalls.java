package dev.aivoicebot.archive;

/**
 * Which calls are in progress on this replica. Declared here and implemented above (by the package that owns the
 * registry of calls), so the archive knows nothing of how calls run.
 */
public interface LiveCalls {

    boolean inProgress(String callSid);
}
