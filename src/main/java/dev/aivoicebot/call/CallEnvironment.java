package dev.aivoicebot.call;

import dev.aivoicebot.metrics.UsageMetrics;
import dev.aivoicebot.openai.OpenAiConfig;
import dev.aivoicebot.openai.RealtimeClient;
import dev.aivoicebot.tools.ToolMetrics;
import dev.aivoicebot.tools.ToolRegistry;
import dev.aivoicebot.tools.ToolRunner;
import dev.aivoicebot.transcript.TranscriptConfig;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;

/** The shared services every call uses, gathered so a {@link CallSession} has one collaborator, not twelve. */
@Singleton // no client proxy: its fields are read directly
public class CallEnvironment {

    final AssistantSettings settings;
    final CallRegistry registry;
    final RealtimeClient realtime;
    final Vertx vertx;
    final CallLimitsConfig limits;
    final OpenAiConfig openAi;
    final AudioPrompts prompts;
    final ToolRunner tools;
    final ToolRegistry toolRegistry;
    final ToolMetrics toolMetrics;
    final CallControl control;
    final TransferTargets transferTargets;
    final TransferMetrics transferMetrics;
    final Transfers transfers;
    /** TRANSCRIPT_TOOL_DETAILS: tool arguments and outputs go into the transcript (never into logs or metrics). */
    final boolean toolDetails;
    final RecordingPolicy recording;
    final RecordingMetrics recordingMetrics;
    final Prices prices;
    final UsageMetrics usageMetrics;
    final CallSummaries summaries;

    CallEnvironment(AssistantSettings settings, CallRegistry registry, RealtimeClient realtime, Vertx vertx,
            CallLimitsConfig limits, OpenAiConfig openAi, AudioPrompts prompts, ToolRunner tools,
            ToolRegistry toolRegistry, ToolMetrics toolMetrics, CallControl control, TransferTargets transferTargets,
            TransferMetrics transferMetrics, Transfers transfers, TranscriptConfig transcripts,
            RecordingPolicy recording, RecordingMetrics recordingMetrics, Prices prices, UsageMetrics usageMetrics,
            CallSummaries summaries) {
        this.settings = settings;
        this.registry = registry;
        this.realtime = realtime;
        this.vertx = vertx;
        this.limits = limits;
        this.openAi = openAi;
        this.prompts = prompts;
        this.tools = tools;
        this.toolRegistry = toolRegistry;
        this.toolMetrics = toolMetrics;
        this.control = control;
        this.transferTargets = transferTargets;
        this.transferMetrics = transferMetrics;
        this.transfers = transfers;
        this.toolDetails = transcripts.toolDetails();
        this.recording = recording;
        this.recordingMetrics = recordingMetrics;
        this.prices = prices;
        this.usageMetrics = usageMetrics;
        this.summaries = summaries;
    }
}
