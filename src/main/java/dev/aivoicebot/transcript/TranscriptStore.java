package dev.aivoicebot.transcript;

import dev.aivoicebot.safety.CallSid;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Opens one transcript file per call under {@code LOG_DIR}, named from the start time and the validated
 * CallSid (nothing else reaches the path; see {@link CallFileName}). All file I/O runs on one dedicated thread: lines of a call stay
 * in order, and a slow disk can never stall audio on the event loop.
 */
@ApplicationScoped
public class TranscriptStore {

    private static final Logger LOG = Logger.getLogger(TranscriptStore.class);

    private final Path dir;
    private final TranscriptMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService io = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "transcript-io");
        thread.setDaemon(true);
        return thread;
    });

    private final TranscriptFeeds feeds;
    private final PersonalDataMask mask;
    private final CallEndListener ended;

    TranscriptStore(TranscriptConfig config, TranscriptMetrics metrics) {
        this(config, metrics, new TranscriptFeeds(), List.of());
    }

    @Inject
    TranscriptStore(TranscriptConfig config, TranscriptMetrics metrics, TranscriptFeeds feeds,
            @All List<CallEndListener> listeners) {
        this.dir = dir(config);
        this.metrics = metrics;
        this.feeds = feeds;
        this.mask = PersonalDataMask.of(config);
        List<CallEndListener> all = List.copyOf(listeners);
        this.ended = all.isEmpty() ? null : (at, name, details) -> all.forEach(l -> l.ended(at, name, details));
    }

    public TranscriptWriter open(CallSid callSid, Instant startedAt) {
        return new TranscriptWriter(new CallFileName(startedAt, callSid).transcript(dir), io, clock, metrics,
                mask, feeds.forStartingCall(callSid), ended);
    }

    public Path dir() {
        return dir;
    }

    /** {@code LOG_DIR}, absolute: for beans that keep files beside the transcripts and start before this one. */
    public static Path dir(TranscriptConfig config) {
        return Path.of(config.dir()).toAbsolutePath();
    }

    /** Runs after calls were ended (their last lines queued): lets every queued line reach the disk. */
    void drain(@Observes @Priority(10_000) ShutdownEvent event) {
        io.shutdown();
        try {
            if (!io.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.error("Transcript writes still pending at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
