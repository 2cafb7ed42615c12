package dev.aivoicebot.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.safety.SafeText;
import dev.aivoicebot.transcript.TranscriptStore;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * With {@code DB_URL} set, copies every call from {@code LOG_DIR} to PostgreSQL on a thread of its own: never the
 * event loop, never the transcript I/O thread, so a slow or dead database cannot delay a call or a line on disk.
 * The schema is migrated (Flyway) when the database first answers, not at boot, so a database that is down never
 * stops the service from starting; readiness does not depend on it. While the database fails, passes are retried
 * with a doubling wait (DB_SYNC_INTERVAL up to DB_SYNC_MAX_BACKOFF) and the lines wait in the files.
 */
@ApplicationScoped
public class DatabaseSync {

    private static final Logger LOG = Logger.getLogger(DatabaseSync.class);

    private final StoreConfig config;
    private final List<AgroalDataSource> database;
    private final InjectableInstance<Flyway> flyway;
    private final StoreMetrics metrics;
    private final TranscriptSync sync;
    private ScheduledExecutorService worker;
    // touched only on the worker thread
    private boolean migrated;
    private boolean failing;
    private Duration wait;

    DatabaseSync(StoreConfig config, InjectableInstance<AgroalDataSource> database, InjectableInstance<Flyway> flyway,
            TranscriptStore transcripts, ObjectMapper json, StoreMetrics metrics) {
        this.config = config;
        this.database = database.listActive();
        this.flyway = flyway;
        this.metrics = metrics;
        this.sync = new TranscriptSync(transcripts.dir(), new CallRows(json));
        this.wait = config.syncInterval();
    }

    void start(@Observes StartupEvent event) {
        if (database.isEmpty()) {
            LOG.info("No DB_URL: calls are kept in the transcript files only (docs/database.md)");
            return;
        }
        metrics.register();
        worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "db-sync");
            thread.setDaemon(true);
            return thread;
        });
        LOG.info("DB_URL set: calls are also copied to PostgreSQL from the transcript files");
        worker.execute(this::tick);
    }

    /** Later passes (or the next start) copy what is left: the files are the source of truth. */
    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    private void tick() {
        TranscriptSync.Pass pass = null;
        Exception failure;
        try {
            if (!migrated) {
                flyway.get().migrate();
                migrated = true;
            }
            pass = sync.pass(database.get(0));
            failure = pass.failure();
        } catch (Exception e) { // a failed migration or a file that cannot be read: tried again later
            failure = e;
        }
        if (pass != null) {
            metrics.lag(pass.lagLines());
        }
        if (failure == null) {
            if (failing) {
                LOG.info("The database answers again; the sync is catching up from the files");
            }
            failing = false;
            wait = config.syncInterval();
        } else {
            metrics.failed();
            if (failing) {
                wait = wait.multipliedBy(2).compareTo(config.syncMaxBackoff()) > 0 ? config.syncMaxBackoff()
                        : wait.multipliedBy(2);
            } else { // logged once per outage, not once per attempt
                LOG.warnf("Cannot write calls to the database (retrying; the lines wait in the files): %s: %s",
                        failure.getClass().getSimpleName(), SafeText.of(failure.getMessage()));
                failing = true;
            }
        }
        if (!worker.isShutdown()) {
            worker.schedule(this::tick, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
