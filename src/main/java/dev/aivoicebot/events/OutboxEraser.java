package dev.aivoicebot.events;

import dev.aivoicebot.retention.CallEraser;
import dev.aivoicebot.safety.CallSid;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;

/** Erasing a call or sweeping old ones also removes their events from the outbox, delivered or not. */
@Singleton
class OutboxEraser implements CallEraser {

    private final Outbox outbox;

    OutboxEraser(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public String what() {
        return "outbox";
    }

    @Override
    public int erase(CallSid callSid) throws IOException {
        return outbox.erase(callSid);
    }

    @Override
    public int eraseStartedBefore(Instant cutoff) throws IOException {
        return outbox.eraseStartedBefore(cutoff);
    }
}
