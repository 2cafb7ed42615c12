package dev.aivoicebot.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A Java tool for the runner's tests, a bean only where a test profile sets {@code test.probe-tool=true} (an
 * alternative would hide the other tools): it reports the thread it ran on, or misbehaves as its {@code mode}
 * argument says. Its own timeout is 1 s.
 */
@IfBuildProperty(name = "test.probe-tool", stringValue = "true")
@ApplicationScoped
public class ProbeTool implements AssistantTool {

    static final String EXCEPTION_CANARY = "probe-exception-canary-77c1e2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile CountDownLatch interrupted = new CountDownLatch(1);

    /** Counted down when the next {@code sleep} call is interrupted. */
    CountDownLatch nextInterrupt() {
        interrupted = new CountDownLatch(1);
        return interrupted;
    }

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String description() {
        return "Reports the thread it runs on, or misbehaves on request.";
    }

    @Override
    public JsonNode parameters() {
        try {
            return JSON.readTree("""
                    {"type": "object",
                     "properties": {"mode": {"enum": ["thread", "sleep", "throw", "error", "null", "huge"]},
                                    "note": {"type": "string"}},
                     "required": ["mode"]}""");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<Duration> timeout() {
        return Optional.of(Duration.ofSeconds(1));
    }

    @Override
    public String call(JsonNode arguments, CallInfo call) throws Exception {
        switch (arguments.get("mode").asText()) {
            case "sleep" -> {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
                return "woke up";
            }
            case "throw" -> throw new IllegalStateException(EXCEPTION_CANARY + " " + arguments.path("note").asText());
            case "error" -> throw new AssertionError(EXCEPTION_CANARY);
            case "null" -> {
                return null;
            }
            case "huge" -> {
                return "y".repeat(17 * 1024);
            }
            default -> {
                return JSON.createObjectNode().put("thread", Thread.currentThread().getName())
                        .put("eventLoop", Context.isOnEventLoopThread()).put("callSid", call.callSid()).toString();
            }
        }
    }
}
