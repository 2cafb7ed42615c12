package dev.aivoicebot.transcript;

import dev.aivoicebot.safety.SafeText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The transcript of one call. Lines are queued to the transcript I/O thread (never written on the event
 * loop) in the order they are added, each written straight to the file (no user-space buffer, so a crash of
 * the process loses nothing written), synced to disk every few seconds and when the call ends. When it closes
 * with the call's {@link CallDetails}, they are written beside it once the last line is on disk.
 */
public final class TranscriptWriter {

    private static final Logger LOG = Logger.getLogger(TranscriptWriter.class);

    private final Path file;
    /** Null for a file not named like a call's (tests): then no details sidecar is written. */
    private final CallFileName name;
    private final Executor io;
    private final Clock clock;
    private final TranscriptMetrics metrics;
    private final PersonalDataMask mask;
    /** Null unless someone watches this call live (see {@link TranscriptFeeds}). */
    private final TranscriptFeed feed;
    /** Told once the details are written; null for none. */
    private final CallEndListener ended;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Lines are in the OS page cache at once; this also pushes them to the disk every few seconds. */
    private static final long SYNC_INTERVAL_NANOS = 5_000_000_000L;

    private FileChannel channel; // touched only on the I/O thread
    private long lastSyncNanos = System.nanoTime();

    TranscriptWriter(Path file, Executor io, Clock clock, TranscriptMetrics metrics) {
        this(file, io, clock, metrics, PersonalDataMask.cardsOnly(), null, null);
    }

    TranscriptWriter(Path file, Executor io, Clock clock, TranscriptMetrics metrics, PersonalDataMask mask,
            TranscriptFeed feed, CallEndListener ended) {
        this.feed = feed;
        this.ended = ended;
        this.mask = mask;
        this.file = file;
        this.name = CallFileName.of(file).orElse(null);
        this.io = io;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Path file() {
        return file;
    }

    public void customer(String text) {
        add(Speaker.CUSTOMER, false, text);
    }

    public void assistant(String text, boolean interrupted) {
        add(Speaker.ASSISTANT, interrupted, text);
    }

    public void system(String text) {
        add(Speaker.SYSTEM, false, text);
    }

    /** Writes a last line and closes the file; later lines are ignored. Safe to call more than once. */
    public void close(String lastSystemLine) {
        close(lastSystemLine, null);
    }

    /**
     * Writes a last line, closes the file and then writes the call's details beside it (when given), so a reader
     * that finds the details finds the whole transcript. Later lines are ignored; safe to call more than once.
     */
    public void close(String lastSystemLine, CallDetails.Builder details) {
        if (closed.compareAndSet(false, true)) {
            Instant at = clock.instant();
            CallDetails ended = details == null || name == null ? null
                    : details.build(name.callSid().value(), name.startedAt(), at, mask);
            submit(() -> {
                TranscriptLine line = line(at, Speaker.SYSTEM, false, lastSystemLine);
                write(line);
                closeFile();
                if (ended != null) {
                    writeDetails(ended);
                }
                if (feed != null) {
                    feed.close(line, System.nanoTime());
                }
            });
        }
    }

    private void add(Speaker speaker, boolean interrupted, String text) {
        if (closed.get()) {
            return;
        }
        Instant at = clock.instant();
        submit(() -> {
            TranscriptLine line = line(at, speaker, interrupted, text);
            write(line);
            if (feed != null) {
                feed.publish(line);
            }
        });
    }

    /**
     * Cleaning and masking run here, on the I/O thread, not on the event loop that added the line; masking after
     * cleaning, so digits split by a control character are still seen as one number.
     */
    private TranscriptLine line(Instant at, Speaker speaker, boolean interrupted, String text) {
        return new TranscriptLine(at, speaker, interrupted, mask.apply(SafeText.line(text)));
    }

    /** After shutdown has stopped the I/O thread, a straggler line is written inline rather than lost. */
    private void submit(Runnable task) {
        try {
            io.execute(task);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                task.run();
            }
        }
    }

    private void write(TranscriptLine line) {
        try {
            if (channel == null) {
                Files.createDirectories(file.getParent());
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            }
            ByteBuffer bytes = ByteBuffer.wrap(line.format().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            if (System.nanoTime() - lastSyncNanos > SYNC_INTERVAL_NANOS) {
                channel.force(false);
                lastSyncNanos = System.nanoTime();
            }
            metrics.lineWritten(line.speaker());
        } catch (IOException e) {
            LOG.errorf("Cannot write transcript %s: %s", file.getFileName(), e.getMessage());
            metrics.writeFailed();
        }
    }

    private void writeDetails(CallDetails details) {
        try {
            CallDetailsFile.write(name.details(file.getParent()), details);
        } catch (IOException e) {
            LOG.errorf("Cannot write call details beside %s: %s", file.getFileName(), e.getMessage());
            metrics.writeFailed();
            return;
        }
        if (ended != null) {
            try {
                ended.ended(file.getParent(), name, details);
            } catch (RuntimeException e) { // a listener's failure must not stop the I/O thread
                LOG.errorf("After call %s ended: %s", name.callSid(), e.getClass().getSimpleName());
            }
        }
    }

    private void closeFile() {
        if (channel == null) {
            return;
        }
        try (FileChannel toClose = channel) {
            toClose.force(true);
        } catch (IOException e) {
            LOG.errorf("Cannot close transcript %s: %s", file.getFileName(), e.getMessage());
        }
        channel = null;
    }
}
