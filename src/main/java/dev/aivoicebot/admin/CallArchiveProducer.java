package dev.aivoicebot.admin;

import dev.aivoicebot.archive.CallArchive;
import dev.aivoicebot.archive.FileCallArchive;
import dev.aivoicebot.archive.LiveCalls;
import dev.aivoicebot.transcript.TranscriptStore;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The calls API reads {@code LOG_DIR} unless another {@link CallArchive} bean (a database) is configured. */
class CallArchiveProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    CallArchive files(TranscriptStore transcripts, LiveCalls live) {
        return new FileCallArchive(transcripts.dir(), live);
    }
}
