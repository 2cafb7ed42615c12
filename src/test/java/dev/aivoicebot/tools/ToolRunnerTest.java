package dev.aivoicebot.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.ServiceLog;
import dev.aivoicebot.metrics.MetricsScrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runner against a business's tool server on a real socket ({@link FakeBusinessServer}) and a Java tool that
 * misbehaves on request ({@link ProbeTool}): every way a tool can answer or fail ends as a result the model can act
 * on, on a worker thread, within the tool's time, counted in /q/metrics, and logged without arguments or answers.
 */
@QuarkusTest
@TestProfile(ToolRunnerTest.WithTools.class)
@WithTestResource(FakeBusinessServerResource.class)
class ToolRunnerTest {

    static final CallInfo CALL = new CallInfo("CA" + "7".repeat(32), "+15550100001", "+15550100002");
    /** An argument value standing for a caller's personal data: it must never reach the log. */
    private static final String PERSONAL = "Ada Lovelace, 12 Analytical Row";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The probe tool, and current_time in Berlin through ASSISTANT_TIME_ZONE's environment name. */
    public static class WithTools implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("test.probe-tool", "true", "ASSISTANT_TIME_ZONE", "Europe/Berlin");
        }
    }

    @Inject
    ToolRunner runner;

    @Inject
    ToolRegistry registry;

    @Inject
    ProbeTool probe;

    @Inject
    Vertx vertx;

    @InjectFakeBusinessServer
    FakeBusinessServer business;

    @BeforeEach
    void forget() {
        business.forget();
    }

    @Test
    void anHttpToolsAnswerIsTheOutputAndItsRequestIsSignedAsDocumented() throws Exception {
        ToolResult result = run("biz_order", "{\"order_number\": \"20261203\"}");

        assertEquals(new ToolResult("biz_order", ToolOutcome.OK, "{\"status\":\"shipped\",\"order_number\":\"20261203\"}",
                result.durationMs()), result);
        FakeBusinessServer.Received request = business.received().get(0);
        assertEquals(List.of(), request.problems(), "the server's signature and body checks");
        assertEquals("/ok", request.path());
        assertEquals("Bearer " + FakeBusinessServerResource.API_TOKEN, request.headers().get("authorization"));
        assertEquals("main", request.headers().get("x-shop"));
        assertEquals(JSON.readTree("""
                {"tool": "biz_order", "arguments": {"order_number": "20261203"},
                 "call": {"callSid": "%s", "from": "+15550100001", "to": "+15550100002"}}""".formatted(CALL.callSid())),
                request.json());
    }

    @Test
    void aTextAnswerIsTheOutputAsItIsAndAnEmptyOneSaysSo() {
        assertEquals("We are open until 10 pm. Tschüss!", run("biz_text", "{}").output());
        ToolResult empty = run("biz_empty", "");
        assertEquals(ToolOutcome.OK, empty.outcome());
        assertEquals("The tool biz_empty completed and returned nothing.", empty.output());
    }

    @Test
    void aSlowToolTimesOutAtItsOwnTimeout() {
        long start = System.nanoTime();
        ToolResult result = run("biz_slow", "{}");
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(ToolOutcome.TIMEOUT, result.outcome());
        assertEquals("The tool biz_slow did not answer within 1 second. Tell the caller it is not available right now.",
                result.output());
        assertTrue(result.durationMs() >= 1000 && tookMs < 2500, () -> "timed out after " + tookMs + " ms");
    }

    @Test
    void failedAnswersAreErrorsThatTellTheModelOnlyWhatWentWrong() {
        ToolResult failed = run("biz_fail", "{}");
        assertEquals(new ToolResult("biz_fail", ToolOutcome.ERROR, "The tool biz_fail failed: its server answered HTTP 500.",
                failed.durationMs()), failed);
        assertEquals("The tool biz_huge failed: the tool's answer was too large.", error("biz_huge"));
        assertEquals("The tool biz_reset failed: the connection to its server broke off.", error("biz_reset"));
        assertEquals("The tool biz_down failed: its server could not be reached.", error("biz_down"));
        assertEquals(List.of("/fail", "/huge", "/reset"), business.received().stream().map(FakeBusinessServer.Received::path).toList(),
                "each POST was sent once, never retried");
    }

    @Test
    void argumentsThatAreNotJsonOrDoNotMatchTheSchemaNeverReachTheTool() {
        ToolResult notJson = run("biz_order", "{\"order_number\": 2026");
        assertEquals(ToolOutcome.INVALID_ARGUMENTS, notJson.outcome());
        assertEquals("The arguments for biz_order were not valid JSON. Call it again with a JSON object that matches its "
                + "parameters.", notJson.output());

        assertEquals(ToolOutcome.INVALID_ARGUMENTS, run("biz_order", "{\"order_number\": \"2026\"} {}").outcome(),
                "one JSON value, nothing after it");

        ToolResult missing = run("biz_order", "{}");
        assertEquals(ToolOutcome.INVALID_ARGUMENTS, missing.outcome());
        assertTrue(missing.output().startsWith("The arguments for biz_order do not match its parameters: ")
                && missing.output().contains("order_number"), missing.output());

        ToolResult malformed = run("biz_order", "{\"order_number\": \"twelve\", \"note\": \"x\"}");
        assertEquals(ToolOutcome.INVALID_ARGUMENTS, malformed.outcome());
        assertTrue(malformed.output().contains("pattern") && malformed.output().contains("note"), malformed.output());
        assertEquals(List.of(), business.received());
    }

    @Test
    void aNameTheModelMadeUpIsUnknown() {
        ToolResult result = run("delete_all_orders", "{}");
        assertEquals(new ToolResult("unknown", ToolOutcome.UNKNOWN,
                "There is no tool named \"delete_all_orders\"; use only the tools you were given.", result.durationMs()), result);
    }

    @Test
    void aToolRunsOnAToolThreadEvenWhenCalledFromAnEventLoop() throws Exception {
        CompletableFuture<ToolResult> result = new CompletableFuture<>();
        CompletableFuture<Boolean> callerOnEventLoop = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(ignored -> {
            callerOnEventLoop.complete(Context.isOnEventLoopThread());
            runner.run(new ToolCall("probe", "call_1", "{\"mode\": \"thread\"}", CALL)).whenComplete((r, e) -> {
                if (e == null) {
                    result.complete(r);
                } else {
                    result.completeExceptionally(e);
                }
            });
        });

        assertTrue(callerOnEventLoop.get(WAIT.toSeconds(), TimeUnit.SECONDS), "the caller was an event loop");
        JsonNode ran = JSON.readTree(result.get(WAIT.toSeconds(), TimeUnit.SECONDS).output());
        assertFalse(ran.get("eventLoop").asBoolean(), ran::toString);
        assertTrue(ran.get("thread").asText().startsWith("tool-worker-"), ran::toString);
        assertEquals(CALL.callSid(), ran.get("callSid").asText());
    }

    @Test
    void aJavaToolPastItsTimeoutIsInterrupted() throws Exception {
        CountDownLatch interrupted = probe.nextInterrupt();
        ToolResult result = run("probe", "{\"mode\": \"sleep\"}");

        assertEquals(ToolOutcome.TIMEOUT, result.outcome());
        assertTrue(result.durationMs() < 2000, () -> result.durationMs() + " ms");
        assertTrue(interrupted.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the worker was interrupted");
    }

    @Test
    void whateverAJavaToolThrowsOrReturnsEndsAsAResult() {
        assertEquals("The tool probe failed.", error("probe", "{\"mode\": \"throw\"}"));
        assertEquals("The tool probe failed.", error("probe", "{\"mode\": \"error\"}"));
        assertEquals("The tool probe failed: the tool's answer was too large.", error("probe", "{\"mode\": \"huge\"}"));
        assertEquals("The tool probe completed and returned nothing.", run("probe", "{\"mode\": \"null\"}").output());
    }

    @Test
    void currentTimeIsBuiltInAndUsesTheConfiguredZone() throws Exception {
        ToolResult result = run("current_time", "{}");
        assertEquals(ToolOutcome.OK, result.outcome());
        assertEquals("Europe/Berlin", JSON.readTree(result.output()).get("time_zone").asText());
    }

    @Test
    void theRegistryDeclaresEveryToolAndResolvesHeadersFromConfiguration() {
        assertEquals(List.of("current_time", "probe", "biz_order", "biz_text", "biz_empty", "biz_slow", "biz_wait", "biz_fail",
                "biz_huge", "biz_reset", "biz_down"), List.copyOf(registry.names()));
        ToolDeclarations.McpTool crm = (ToolDeclarations.McpTool) registry.sessionTools().get(registry.sessionTools().size() - 1);
        assertEquals(Map.of("Authorization", "Bearer " + FakeBusinessServerResource.MCP_TOKEN), crm.headers());
        assertTrue(registry.approves("crm", "find_customer"));
    }

    @Test
    void callsAreCountedAndTimedPerToolAndOutcome() {
        MetricsScrape before = MetricsScrape.now();
        run("biz_text", "{}");
        run("biz_fail", "{}");
        run("made_up", "{}");
        MetricsScrape after = MetricsScrape.now();

        assertEquals(1, after.delta(before, "tool_calls_total", "outcome=\"ok\"", "tool=\"biz_text\""));
        assertEquals(1, after.delta(before, "tool_calls_total", "outcome=\"error\"", "tool=\"biz_fail\""));
        assertEquals(1, after.delta(before, "tool_calls_total", "outcome=\"unknown\"", "tool=\"unknown\""));
        assertEquals(1, after.delta(before, "tool_duration_seconds_count", "tool=\"biz_text\""));
        assertTrue(after.has("tool_calls_total{outcome=\"invalid-arguments\",tool=\"biz_empty\"}"),
                "every outcome of every tool is there from the start");
        assertTrue(after.has("tool_duration_seconds_bucket{tool=\"biz_order\",le=\"1.0\"}"), "with buckets for percentiles");
    }

    @Test
    void theLogHasNamesOutcomesAndDurationsButNoArgumentsAnswersOrSecrets() {
        ServiceLog log = ServiceLog.mark();
        run("biz_order", "{\"order_number\": \"55501234\"}");
        run("biz_fail", "{}");
        run("biz_order", "{\"order_number\": \"" + PERSONAL + "\"}");
        run("probe", "{\"mode\": \"throw\", \"note\": \"" + PERSONAL + "\"}");
        String written = log.sinceMark();

        assertTrue(written.contains("Tool biz_order: ok in "), written);
        assertTrue(written.contains("Tool biz_fail: error in ") && written.contains("(HTTP 500)"), written);
        assertTrue(written.contains("Tool probe: error in ") && written.contains("java.lang.IllegalStateException"), written);
        for (String secret : List.of("55501234", "shipped", PERSONAL, FakeBusinessServer.FAIL_BODY, ProbeTool.EXCEPTION_CANARY,
                FakeBusinessServerResource.API_TOKEN, FakeBusinessServerResource.MCP_TOKEN,
                FakeBusinessServerResource.SIGNING_SECRET)) {
            assertFalse(written.contains(secret), () -> "logged: " + secret + "\n" + written);
        }
        assertFalse(ServiceLog.hasStackTrace(written), written);
    }

    private ToolResult run(String name, String arguments) {
        try {
            return runner.run(new ToolCall(name, "call_" + name, arguments, CALL)).toCompletableFuture()
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the runner's stage failed or hung: " + e, e);
        }
    }

    private String error(String name) {
        return error(name, "{}");
    }

    private String error(String name, String arguments) {
        ToolResult result = run(name, arguments);
        assertEquals(ToolOutcome.ERROR, result.outcome(), result::toString);
        return result.output();
    }
}
