package dev.aivoicebot.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.aivoicebot.safety.SafeText;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs one tool call of the model to its {@link ToolResult}: on a tool thread ({@link ToolWorkers}; never an event
 * loop, so audio keeps flowing), within the tool's time limit (then the thread is interrupted), with the arguments
 * parsed and checked against the tool's parameter schema first. The stage never fails: every failure is a result
 * whose output tells the model what went wrong. It completes on a tool thread or the timeout's timer thread (or is
 * complete already), so callers hop back to their own context before touching call state. The log gets the tool's
 * name, outcome and duration only: arguments and outputs can hold the caller's personal data.
 */
@ApplicationScoped
public class ToolRunner {

    private static final Logger LOG = Logger.getLogger(ToolRunner.class);

    private final ToolRegistry registry;
    private final ToolMetrics metrics;
    private final ObjectReader json;
    private final ToolWorkers workers;

    ToolRunner(ToolRegistry registry, ToolMetrics metrics, ObjectMapper json, ToolWorkers workers) {
        this.registry = registry;
        this.metrics = metrics;
        this.json = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.workers = workers;
    }

    public CompletionStage<ToolResult> run(ToolCall call) {
        long start = System.nanoTime();
        Optional<RegisteredTool> found = registry.tool(call.name());
        if (found.isEmpty()) {
            return CompletableFuture.completedFuture(finish(ToolResult.UNKNOWN_NAME, new Attempt(ToolOutcome.UNKNOWN,
                    "There is no tool named \"" + call.name() + "\"; use only the tools you were given.",
                    "\"" + SafeText.of(call.name()) + "\" is not a tool"), start));
        }
        RegisteredTool tool = found.get();
        try {
            CompletableFuture<Attempt> attempt = new CompletableFuture<>();
            Future<?> worker = workers.submit(() -> attempt.complete(attempt(tool, call)));
            return attempt.completeOnTimeout(timedOut(tool), tool.timeout().toMillis(), TimeUnit.MILLISECONDS)
                    .thenApply(done -> {
                        if (done.outcome() == ToolOutcome.TIMEOUT) {
                            worker.cancel(true);
                        }
                        return finish(tool.name(), done, start);
                    });
        } catch (RuntimeException e) { // every tool thread is busy, or the service is stopping
            return CompletableFuture.completedFuture(finish(tool.name(), new Attempt(ToolOutcome.ERROR,
                    "The tool " + tool.name() + " could not be started.", e.getClass().getSimpleName()), start));
        }
    }

    /** What one run came to, with what may be logged about it. */
    private record Attempt(ToolOutcome outcome, String output, String detail) {
    }

    /** On the worker: parse, check, call. Never throws. */
    private Attempt attempt(RegisteredTool tool, ToolCall call) {
        try {
            JsonNode arguments;
            try {
                String text = call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
                arguments = json.readTree(text);
            } catch (JsonProcessingException e) {
                return new Attempt(ToolOutcome.INVALID_ARGUMENTS, "The arguments for " + tool.name()
                        + " were not valid JSON. Call it again with a JSON object that matches its parameters.",
                        "arguments are not JSON");
            }
            Optional<String> mismatch = ParameterSchemas.mismatch(tool.parameters(), arguments);
            if (mismatch.isPresent()) {
                return new Attempt(ToolOutcome.INVALID_ARGUMENTS, "The arguments for " + tool.name()
                        + " do not match its parameters: " + mismatch.get()
                        + ". Ask the caller for what is missing or wrong, then call it again.",
                        "arguments do not match the parameter schema");
            }
            return answered(tool, tool.invocation().call(arguments, call.call()));
        } catch (ToolFailure failure) {
            return failure.outcome() == ToolOutcome.TIMEOUT ? timedOut(tool)
                    : new Attempt(failure.outcome(), failed(tool, failure.reason()), failure.detail());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return timedOut(tool);
        } catch (Throwable t) { // whatever a tool throws, even an Error, ends as an error output
            return new Attempt(ToolOutcome.ERROR, failed(tool, null), t.getClass().getName());
        }
    }

    private static Attempt answered(RegisteredTool tool, String output) {
        if (output == null || output.isEmpty()) {
            return new Attempt(ToolOutcome.OK, "The tool " + tool.name() + " completed and returned nothing.", null);
        }
        if (output.length() > HttpToolClient.MAX_ANSWER_BYTES / 3
                && output.getBytes(StandardCharsets.UTF_8).length > HttpToolClient.MAX_ANSWER_BYTES) {
            return new Attempt(ToolOutcome.ERROR, failed(tool, "the tool's answer was too large"),
                    "answer over " + HttpToolClient.MAX_ANSWER_BYTES + " bytes");
        }
        return new Attempt(ToolOutcome.OK, output, null);
    }

    private static Attempt timedOut(RegisteredTool tool) {
        return new Attempt(ToolOutcome.TIMEOUT, "The tool " + tool.name() + " did not answer within "
                + seconds(tool.timeout()) + ". Tell the caller it is not available right now.",
                "no answer within " + seconds(tool.timeout()));
    }

    private static String failed(RegisteredTool tool, String reason) {
        return "The tool " + tool.name() + " failed" + (reason == null ? "" : ": " + reason) + ".";
    }

    private static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + (millis == 1000 ? " second" : " seconds") : millis + " ms";
    }

    private ToolResult finish(String name, Attempt attempt, long start) {
        ToolResult result = new ToolResult(name, attempt.outcome(), attempt.output(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        metrics.record(result);
        if (attempt.outcome() == ToolOutcome.OK) {
            LOG.infof("Tool %s: %s in %d ms", name, attempt.outcome().tag(), result.durationMs());
        } else {
            LOG.warnf("Tool %s: %s in %d ms (%s)", name, attempt.outcome().tag(), result.durationMs(), attempt.detail());
        }
        return result;
    }
}
