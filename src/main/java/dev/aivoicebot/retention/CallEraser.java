package dev.aivoicebot.retention;

import dev.aivoicebot.safety.CallSid;
import java.io.IOException;
import java.time.Instant;

/**
 * One place a call is kept (its files, the outbox of call events, a database), able to forget it. Erasing a call
 * (a caller's request to be forgotten) and retention both ask every eraser, so a store added later removes its
 * own copy by adding a bean. Blocking: call it off the event loop.
 */
public interface CallEraser {

    /** What this eraser keeps, for logs: {@code "files"}, {@code "outbox"}, … */
    String what();

    /** Removes everything kept of the call; returns how many items (files, rows) went, 0 when none were kept. */
    int erase(CallSid callSid) throws IOException;

    /** Removes every call that started before {@code cutoff}; returns how many calls went. */
    int eraseStartedBefore(Instant cutoff) throws IOException;
}
