package dev.aivoicebot;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The log line for one kind of client error (a refused signature, an undecodable body): written at most once a
 * minute, never with a stack trace, and carrying the number of like errors left out since the last one. A
 * client's mistake is worth knowing about, but a stranger sending thousands of bad requests must not be able
 * to fill the disk or drown the lines that matter. Errors left out after the last line are told with the next.
 */
public final class ClientErrorLog {

    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Logger log;
    private final Logger.Level level;
    private final String message;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    /** When the next line may be written. */
    private final AtomicLong nextLineAt;
    private final AtomicLong leftOut = new AtomicLong();

    public ClientErrorLog(Logger log, Logger.Level level, String message) {
        this(log, level, message, INTERVAL, System::nanoTime);
    }

    ClientErrorLog(Logger log, Logger.Level level, String message, Duration interval, LongSupplier nanoClock) {
        this.log = log;
        this.level = level;
        this.message = message;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.nextLineAt = new AtomicLong(nanoClock.getAsLong());
    }

    /** One more error of this kind. */
    public void report() {
        String line = lineNow();
        if (line != null) {
            log.log(level, line);
        }
    }

    /** The line to write for an error happening now, or null when it is only counted. */
    String lineNow() {
        long now = nanoClock.getAsLong();
        long next = nextLineAt.get();
        if (now - next >= 0 && nextLineAt.compareAndSet(next, now + intervalNanos)) {
            long more = leftOut.getAndSet(0);
            return more == 0 ? message : message + " (and " + more + " more since the last such line)";
        }
        leftOut.incrementAndGet();
        return null;
    }
}
