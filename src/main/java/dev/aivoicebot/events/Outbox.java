package dev.aivoicebot.events;

import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.transcript.CallFileName;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Where call events wait until the business has taken them: durable (an entry survives a restart or a lost pod)
 * and shared by the replicas, each entry delivered by one replica at a time. An entry is put before any attempt to
 * deliver it, claimed for one attempt, and then done (delivered), back for later, or dead (given up). The files
 * under {@code LOG_DIR/outbox} are the embedded default ({@link FileOutbox}); a database outbox is the same
 * contract on rows ({@code SELECT … FOR UPDATE SKIP LOCKED} as the claim). Every method may block.
 */
public interface Outbox {

    /** Stores the event of a call that has ended, due at once; returns once it is durable. */
    void put(CallFileName call, byte[] event) throws IOException;

    /**
     * Takes the entry due first (or one whose claim has expired, its replica having died) for this replica alone,
     * until {@code leaseUntil}; empty when nothing is due.
     */
    Optional<OutboxEntry> claim(Instant now, Instant leaseUntil) throws IOException;

    /** Delivered: the entry is gone. */
    void done(OutboxEntry entry) throws IOException;

    /** Failed, to be tried again from {@code due}; counts one more attempt. */
    void retryLater(OutboxEntry entry, Instant due) throws IOException;

    /** Not tried (this replica is stopping): due again at once, the attempt not counted. */
    void release(OutboxEntry entry) throws IOException;

    /** Given up: kept aside (until retention or an erase removes it), never tried again. */
    void dead(OutboxEntry entry) throws IOException;

    /** Entries waiting to be delivered (due or not, claimed or not). */
    int pending() throws IOException;

    /** Removes the call's entry, wherever it is; returns how many went (0 or 1). */
    int erase(CallSid callSid) throws IOException;

    /** Removes the entries of calls that started before {@code cutoff}; returns how many went. */
    int eraseStartedBefore(Instant cutoff) throws IOException;
}
