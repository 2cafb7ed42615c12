package dev.aivoicebot.twilio;

import dev.aivoicebot.call.CallSession;

/**
 * What one Media Stream connection has done so far, for the checks that keep a hostile or broken peer from
 * costing anything: when it opened, whether it started or stopped, and how fast it sends.
 */
final class StreamState {

    private static final long SECOND_NANOS = 1_000_000_000L;

    final long openedAtNanos = System.nanoTime();
    final long timerId;
    CallSession call;
    String streamSid;
    boolean stopped;
    volatile long lastMessageNanos = openedAtNanos;
    private long windowStartNanos = openedAtNanos;
    private int messagesInWindow;

    StreamState(long timerId) {
        this.timerId = timerId;
    }

    /** Counts a message; false when this second's budget is exceeded. */
    boolean admit(long nowNanos, int maxPerSecond) {
        lastMessageNanos = nowNanos;
        if (nowNanos - windowStartNanos >= SECOND_NANOS) {
            windowStartNanos = nowNanos;
            messagesInWindow = 0;
        }
        return ++messagesInWindow <= maxPerSecond;
    }
}
