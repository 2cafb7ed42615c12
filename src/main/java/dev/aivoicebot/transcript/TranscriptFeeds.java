package dev.aivoicebot.transcript;

import dev.aivoicebot.safety.CallSid;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live transcript feeds, only for calls that asked for one before they started (the browser softphone's demo
 * calls). Every other call has no feed, so production transcripts are never published and cost nothing extra.
 * Feeds are forgotten a while after their call ends, or when their call never starts.
 */
@ApplicationScoped
public class TranscriptFeeds {

    static final int MAX_FEEDS = 200;
    private static final long UNUSED_NANOS = Duration.ofMinutes(2).toNanos();
    private static final long ENDED_NANOS = Duration.ofMinutes(2).toNanos();

    private final Map<String, TranscriptFeed> feeds = new ConcurrentHashMap<>();

    /** A new feed for a call that has not started yet; empty when too many feeds are held already. */
    public synchronized Optional<TranscriptFeed> watch(CallSid callSid) {
        long now = System.nanoTime();
        feeds.values().removeIf(feed -> feed.expired(now, UNUSED_NANOS, ENDED_NANOS));
        if (feeds.size() >= MAX_FEEDS) {
            return Optional.empty();
        }
        TranscriptFeed feed = new TranscriptFeed(now);
        feeds.put(callSid.value(), feed);
        return Optional.of(feed);
    }

    public Optional<TranscriptFeed> find(String callSid) {
        return Optional.ofNullable(callSid == null ? null : feeds.get(callSid));
    }

    /** The feed a starting call publishes to, or null for a call nobody watches. */
    TranscriptFeed forStartingCall(CallSid callSid) {
        TranscriptFeed feed = feeds.get(callSid.value());
        if (feed != null) {
            feed.started();
        }
        return feed;
    }
}
