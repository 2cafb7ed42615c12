package dev.aivoicebot.admin;

import dev.aivoicebot.archive.CallArchive;
import dev.aivoicebot.archive.FileCallArchive;
import dev.aivoicebot.archive.LiveCalls;
import dev.aivoicebot.store.DatabaseArchive;
import dev.aivoicebot.transcript.TranscriptStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/**
 * Which archive the calls API reads: PostgreSQL when {@code DB_URL} is set, else the files in {@code LOG_DIR}.
 * Chosen at start-up, not at build time, because {@code DB_URL} is runtime configuration.
 */
@ApplicationScoped
class CallArchiveProducer {

    private static final Logger LOG = Logger.getLogger(CallArchiveProducer.class);

    @Produces
    @ApplicationScoped
    CallArchive calls(DatabaseArchive database, TranscriptStore transcripts, LiveCalls live) {
        return database.archive(live).orElseGet(() -> new FileCallArchive(transcripts.dir(), live));
    }

    void announce(@Observes StartupEvent event, DatabaseArchive database) {
        LOG.infof("The calls API reads %s", database.configured()
                ? "PostgreSQL (DB_URL; as of the last sync pass, DB_SYNC_INTERVAL behind the files)"
                : "the transcript files in LOG_DIR");
    }
}
