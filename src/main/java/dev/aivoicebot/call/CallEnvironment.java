package dev.aivoicebot.call;

import dev.aivoicebot.openai.OpenAiConfig;
import dev.aivoicebot.openai.RealtimeClient;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;

/** The shared services every call uses, gathered so a {@link CallSession} has one collaborator, not eight. */
@Singleton // no client proxy: its fields are read directly
public class CallEnvironment {

    final AssistantSettings settings;
    final CallRegistry registry;
    final RealtimeClient realtime;
    final Vertx vertx;
    final CallLimitsConfig limits;
    final OpenAiConfig openAi;
    final AudioPrompts prompts;

    CallEnvironment(AssistantSettings settings, CallRegistry registry, RealtimeClient realtime, Vertx vertx,
            CallLimitsConfig limits, OpenAiConfig openAi, AudioPrompts prompts) {
        this.settings = settings;
        this.registry = registry;
        this.realtime = realtime;
        this.vertx = vertx;
        this.limits = limits;
        this.openAi = openAi;
        this.prompts = prompts;
    }
}
