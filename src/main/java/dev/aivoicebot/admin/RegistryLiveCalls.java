package dev.aivoicebot.admin;

import dev.aivoicebot.archive.LiveCalls;
import dev.aivoicebot.call.CallRegistry;
import dev.aivoicebot.safety.CallSid;
import jakarta.enterprise.context.ApplicationScoped;

/** A call is live when this replica's registry holds it: the archive asks, the registry knows. */
@ApplicationScoped
class RegistryLiveCalls implements LiveCalls {

    private final CallRegistry registry;

    RegistryLiveCalls(CallRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean inProgress(String callSid) {
        return CallSid.isValid(callSid) && registry.find(new CallSid(callSid)).isPresent();
    }
}
