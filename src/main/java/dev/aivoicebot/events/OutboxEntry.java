package dev.aivoicebot.events;

import dev.aivoicebot.safety.CallSid;
import java.time.Instant;

/**
 * A claimed entry of the {@link Outbox}.
 *
 * @param attempts failed attempts so far
 * @param createdAt when the entry was put (its age counts from here)
 * @param body the event, exactly as it is signed and sent
 * @param claim what the outbox needs to find this claim again (a file name, a row's token); opaque to others
 */
public record OutboxEntry(CallSid callSid, int attempts, Instant createdAt, byte[] body, String claim) {
}
