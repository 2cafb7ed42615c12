package dev.aivoicebot.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.SimulatorConfig;
import dev.aivoicebot.sim.TwilioCallSimulator;
import dev.aivoicebot.transcript.CallDetails.Usage;
import dev.aivoicebot.transcript.Speaker;
import dev.aivoicebot.transcript.TranscriptLine;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * What {@code /api/calls} answers, whichever archive backs it: a subclass says how a call is put on record
 * ({@link #record}) and where a real call's transcript is ({@link #transcriptLines}). Every test works inside a
 * day of its own, so the calls of one test never show up in another's answers.
 */
abstract class CallsApiContract {

    private static final AtomicInteger DAYS = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL base;

    /** Puts the call on record as the backend under test keeps calls; returns once the API can see it. */
    abstract void record(StoredCall call) throws IOException;

    /** The lines of a call the service itself recorded, from the source of truth (its transcript file). */
    abstract List<TranscriptLine> transcriptLines(String callSid) throws IOException;

    @Test
    void eachFilterNarrowsTheListAndAllTogetherMustHold() throws IOException {
        LocalDate day = newDay();
        Instant start = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        StoredCall a = StoredCall.startingAt(start).parties("+15550101", "+15550199").says("I'd like to book a TABLE")
                .answers("For how many?").ended("CALLER_HUNG_UP", "caller hung up");
        StoredCall b = StoredCall.startingAt(start.plusSeconds(600)).parties("+15550102", "+15550199")
                .says("When do you open?").answers("At nine.").ended("ASSISTANT_ENDED", "assistant ended the call");
        StoredCall c = StoredCall.startingAt(start.plusSeconds(1200)).parties("+15550101", "+15550188")
                .says("Can I talk to a person?").system("transfer to sales requested").system("transferred to sales")
                .ended("TRANSFERRED", "transferred");
        StoredCall d = StoredCall.startingAt(start.plusSeconds(1800)).parties("+15550103", "+15550199")
                .says("hello? table for two").unfinished();
        for (StoredCall call : List.of(a, b, c, d)) {
            record(call);
        }
        String window = "since=" + day + "&until=" + day;

        assertEquals(sids(d, c, b, a), listed(window), "the day's calls, newest first");
        assertEquals(sids(c, a), listed(window + "&from=%2B15550101"), "from");
        assertEquals(sids(c, a), listed(window + "&from=+15550101"), "an unencoded + arrives as a space");
        assertEquals(sids(c), listed(window + "&to=%2B15550188"), "to");
        assertEquals(sids(d), listed(window + "&from=%2B15550103"), "an unfinished call's parties from its first line");
        assertEquals(sids(b), listed(window + "&endReason=ASSISTANT_ENDED"), "endReason");
        assertEquals(sids(c), listed(window + "&endReason=transferred"), "endReason, as the metric tag writes it");
        assertEquals(sids(d, a), listed(window + "&q=table"), "text, ignoring case");
        assertEquals(sids(d, a), listed(window + "&q=TAB"), "a part of a word: a substring, not a word search");
        assertEquals(sids(a), listed(window + "&q=book%20a%20t"), "words in their order, across a space");
        assertEquals(List.of(), listed(window + "&q=%25"), "a % is a character, not a wildcard");
        assertEquals(List.of(), listed(window + "&q=t_ble"), "an _ too");
        assertEquals(sids(c), listed(window + "&q=TRANSFERRED%20TO%20SALES"), "text of a system line");
        assertEquals(sids(c, b), listed("since=" + start.plusSeconds(600) + "&until=" + start.plusSeconds(1800)),
                "since is inclusive, until exclusive");
        assertEquals(sids(a), listed(window + "&from=%2B15550101&to=%2B15550199&q=table&endReason=CALLER_HUNG_UP"),
                "all filters at once");
        assertEquals(List.of(), listed(window + "&from=%2B15550101&endReason=ASSISTANT_ENDED"), "none matches both");
        assertEquals(List.of(), listed("since=" + day.plusDays(1) + "&until=" + day.plusDays(1)), "another day");
    }

    @Test
    void theListItemCarriesTheRecordAndAShortSummary() throws IOException {
        LocalDate day = newDay();
        String longSummary = "The caller booked a table for four at eight tomorrow. ".repeat(5);
        StoredCall call = StoredCall.startingAt(day.atTime(10, 0).toInstant(ZoneOffset.UTC)).says("hi")
                .cost(longSummary, new Usage(10, 200, 0, 100, 5, 300), 0.0123).ended("CALLER_HUNG_UP", "caller hung up");
        record(call);

        JsonPath item = api().get("/api/calls?since=" + day + "&until=" + day).then().statusCode(200).extract()
                .jsonPath().setRootPath("calls[0]");
        assertEquals(call.callSid().value(), item.getString("callSid"));
        assertEquals(List.of("inbound", "+15550100", "+15550199", "CALLER_HUNG_UP"), List.of(item.getString("direction"),
                item.getString("from"), item.getString("to"), item.getString("endReason")));
        assertEquals(call.startedAt(), Instant.parse(item.getString("startedAt")));
        assertEquals(call.details().endedAt(), Instant.parse(item.getString("endedAt")));
        assertEquals(call.details().durationMs(), item.getLong("durationMs"));
        assertEquals(0.0123, item.getDouble("costUsd"), 1e-9);
        assertFalse(item.getBoolean("live"));
        String summary = item.getString("summary");
        assertTrue(summary.length() <= 160 && summary.endsWith("…") && longSummary.startsWith(
                summary.substring(0, summary.length() - 1)), summary);
    }

    @Test
    void pagesFollowOneAnotherWithoutGapOrRepeatEvenWhileCallsAreAdded() throws IOException {
        LocalDate day = newDay();
        Instant start = day.atTime(8, 0).toInstant(ZoneOffset.UTC);
        List<StoredCall> calls = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // two pairs start in the same millisecond: the CallSid orders them
            StoredCall call = StoredCall.startingAt(start.plusSeconds(i / 2 * 60L)).says("call " + i)
                    .ended("CALLER_HUNG_UP", "caller hung up");
            record(call);
            calls.add(call);
        }
        String window = "since=" + day + "&until=" + day;
        List<String> all = listed(window + "&limit=200");
        assertEquals(7, all.size());

        JsonPath first = page(window + "&limit=3");
        JsonPath second = page(window + "&limit=3&cursor=" + first.getString("nextCursor"));
        record(StoredCall.startingAt(start.plusSeconds(3600)).says("a newer call").ended("CALLER_HUNG_UP", "hung up"));
        JsonPath secondAgain = page(window + "&limit=3&cursor=" + first.getString("nextCursor"));
        JsonPath third = page(window + "&limit=3&cursor=" + second.getString("nextCursor"));

        assertEquals(second.getList("calls.callSid"), secondAgain.getList("calls.callSid"),
                "a page is the same after a newer call arrived");
        List<String> paged = new ArrayList<>();
        for (JsonPath page : List.of(first, second, third)) {
            paged.addAll(page.getList("calls.callSid", String.class));
        }
        assertEquals(all, paged, "the pages are the whole list, in order");
        assertNull(third.getString("nextCursor"), "the last page says so");
        assertEquals(calls.stream().map(c -> c.callSid().value()).toList().size(), paged.stream().distinct().count());
    }

    @Test
    void oneCallShowsEveryLineWithItsKindAndWhatCameOfIt() throws IOException {
        LocalDate day = newDay();
        StoredCall call = StoredCall.startingAt(day.atTime(11, 0).toInstant(ZoneOffset.UTC))
                .answers("Hi, how can I help?").says("Where is my order 1234?")
                .system("caller interrupted the assistant after 1.32 s of 3.80 s sent")
                .line(Speaker.ASSISTANT, true, "Let me look that")
                .system("tool get_order_status: ok in 0.41 s").system("recording started (RE0123)")
                .system("caller pressed 2").system("summary: order 1234 ships tomorrow")
                .cost("order 1234 ships tomorrow", new Usage(1, 2, 3, 4, 5, 6), 0.5)
                .ended("ASSISTANT_ENDED", "assistant ended the call");
        record(call);

        JsonPath view = api().get("/api/calls/" + call.callSid()).then().statusCode(200).extract().jsonPath();
        assertEquals(call.callSid().value(), view.getString("callSid"));
        assertEquals("order 1234 ships tomorrow", view.getString("summary"));
        assertEquals("assistant ended the call", view.getString("endReasonText"));
        assertEquals(Map.of("inputTextTokens", 1, "inputAudioTokens", 2, "cachedInputTextTokens", 3,
                "cachedInputAudioTokens", 4, "outputTextTokens", 5, "outputAudioTokens", 6), view.getMap("usage"));
        assertEquals(0.5, view.getDouble("costUsd"), 1e-9);
        assertEquals(List.of("call_started", "speech", "speech", "barge_in", "speech", "tool", "recording", "key_press",
                "summary", "call_ended"), view.getList("lines.kind"));
        List<Map<String, Object>> lines = view.getList("lines");
        for (int i = 0; i < lines.size(); i++) {
            TranscriptLine expected = call.lines().get(i);
            Map<String, Object> line = lines.get(i);
            assertEquals(List.of(i, expected.at().toString(), expected.speaker().tag(), expected.interrupted(),
                    expected.text()), List.of(line.get("seq"), line.get("at"), line.get("speaker"),
                    line.get("interrupted"), line.get("text")), "line " + i);
        }
    }

    @Test
    void aRealCallIsListedLiveWhileItLastsAndItsLinesAreItsTranscripts() throws IOException {
        TwilioCallSimulator twilio = new TwilioCallSimulator(SimulatorConfig.of(base.toString(),
                "https://voice.example.test", "canary-twilio-token-5f0e2b7c"));
        try (twilio) {
            SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(2000).speech(1000).silence(1500)
                    .thenSilenceUntilHangUp());
            String sid = call.identity().callSid();
            JsonPath listed = awaitListed(sid, item -> item.get("live").equals(true));
            assertEquals(call.identity().from(), listed.getString("from"), "parties of a live call");
            api().get("/api/calls/" + sid).then().statusCode(200).body("live", equalTo(true))
                    .body("endedAt", equalTo(null)).body("lines[0].kind", equalTo("call_started"));

            awaitView(sid, view -> view.getList("lines.speaker").contains("customer"));
            call.hangUp();
            JsonPath ended = awaitListed(sid, item -> "CALLER_HUNG_UP".equals(item.get("endReason")));
            assertFalse(ended.getBoolean("live"), "no longer live");
            JsonPath view = awaitView(sid, v -> v.getString("endedAt") != null);
            List<TranscriptLine> file = transcriptLines(sid);
            assertEquals(file.stream().map(TranscriptLine::text).toList(), view.getList("lines.text"));
            assertEquals(file.stream().map(l -> l.speaker().tag()).toList(), view.getList("lines.speaker"));
            assertEquals(file.stream().map(l -> l.at().toString()).toList(), view.getList("lines.at"));
            assertEquals("call_ended", view.getList("lines.kind").get(file.size() - 1));
        }
    }

    @Test
    void badFiltersAreRefusedWith400NamingTheParameter() {
        Map<String, String> bad = Map.of("since", "yesterday", "until", "2026-13-01", "from", "15550100",
                "to", "+1-555-0100", "endReason", "BORED", "limit", "201", "cursor", "not-a-cursor",
                "q", "x".repeat(201));
        bad.forEach((parameter, value) -> api().queryParam(parameter, value).get("/api/calls").then()
                .statusCode(400).contentType("application/json").body("error", equalTo("bad_request"))
                .body("parameter", equalTo(parameter)).body("detail", startsWith(parameter + ": ")));
        for (String limit : List.of("0", "-1", "ten", "1e3")) {
            api().queryParam("limit", limit).get("/api/calls").then().statusCode(400).body("parameter", equalTo("limit"));
        }
        api().get("/api/calls?since=2026-12-04&until=2026-12-03").then().statusCode(400)
                .body("parameter", equalTo("until"));
        api().get("/api/calls/CA123").then().statusCode(400).body("parameter", equalTo("callSid"));
        api().get("/api/calls/CA0123456789abcdef0123456789abcdeg").then().statusCode(400);
    }

    @Test
    void anUnknownCallIs404() {
        api().get("/api/calls/" + StoredCall.randomSid()).then().statusCode(404).contentType("application/json")
                .body("error", equalTo("not_found"));
    }

    @Test
    void withoutTheKeyOrWithAWrongOneNothingIsShown() {
        for (String path : List.of("/api/calls", "/api/calls/" + StoredCall.randomSid())) {
            given().get(path).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"))
                    .contentType("application/json").body("error", equalTo("unauthorized"));
            given().header("Authorization", "Bearer " + ArchiveTestProfile.ADMIN_KEY + "x").get(path).then()
                    .statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
            given().header("Authorization", "Basic " + ArchiveTestProfile.ADMIN_KEY).get(path).then().statusCode(401);
        }
        given().header("Authorization", "bearer " + ArchiveTestProfile.ADMIN_KEY).get("/api/calls").then()
                .statusCode(200);
    }

    static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + ArchiveTestProfile.ADMIN_KEY);
    }

    /** A day no other test uses (the calls of a test are found by their day). */
    static LocalDate newDay() {
        return LocalDate.of(2001, 1, 1).plusDays(DAYS.getAndIncrement());
    }

    private static List<String> sids(StoredCall... calls) {
        return Arrays.stream(calls).map(c -> c.callSid().value()).toList();
    }

    private static List<String> listed(String query) {
        return page(query).getList("calls.callSid", String.class);
    }

    private static JsonPath page(String query) {
        return api().urlEncodingEnabled(false).get("/api/calls?" + query).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitListed(String sid, Predicate<Map<String, Object>> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<Map<String, Object>> calls = page("limit=20").getList("calls");
            for (int i = 0; i < calls.size(); i++) {
                if (sid.equals(calls.get(i).get("callSid")) && condition.test(calls.get(i))) {
                    return page("limit=20").setRootPath("calls.find { it.callSid == '" + sid + "' }");
                }
            }
            if (System.nanoTime() > deadline) {
                fail("call " + sid + " not listed as expected: " + calls);
            }
            sleep();
        }
    }

    private static JsonPath awaitView(String sid, Predicate<JsonPath> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonPath view = api().get("/api/calls/" + sid).then().statusCode(200).extract().jsonPath();
        while (!condition.test(view)) {
            if (System.nanoTime() > deadline) {
                fail("call " + sid + " never got there: " + view.prettify());
            }
            sleep();
            view = api().get("/api/calls/" + sid).then().statusCode(200).extract().jsonPath();
        }
        return view;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
