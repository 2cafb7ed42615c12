package dev.aivoicebot.events;

import dev.aivoicebot.transcript.TranscriptConfig;
import dev.aivoicebot.transcript.TranscriptStore;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The outbox is {@code LOG_DIR/outbox} unless another {@link Outbox} bean (a database) is configured. It exists
 * whether or not CALL_EVENTS_URL is set, so entries an earlier configuration left are still erased and swept.
 */
class OutboxProducer {

    @Produces
    @DefaultBean
    @Singleton
    Outbox files(TranscriptConfig transcripts) {
        return new FileOutbox(TranscriptStore.dir(transcripts).resolve("outbox"), replicaName());
    }

    /** The pod's name on Kubernetes (HOSTNAME), with a random suffix: unique among replicas, even after a restart. */
    private static String replicaName() {
        String host = System.getenv("HOSTNAME");
        if (host == null) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "replica";
            }
        }
        String clean = host.replaceAll("[^A-Za-z0-9-]", "-");
        clean = clean.substring(0, Math.min(clean.length(), 40));
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return (clean.isEmpty() ? "replica" : clean) + "-" + HexFormat.of().formatHex(random);
    }
}
