package dev.aivoicebot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One read of the fake Realtime server's {@code GET /stats}: counters since it started, and histograms of
 * the interval since the previous read (so read it once when the window opens, once when it closes).
 */
record FakeStatsRead(JsonNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static FakeStatsRead fetch(HttpClient http, String fakeBase) {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(fakeBase + "/stats")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return new FakeStatsRead(JSON.readTree(body));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + fakeBase + "/stats", e);
        }
    }

    long counter(String name) {
        return json.path("counters").path(name).asLong(0);
    }

    long delta(FakeStatsRead earlier, String name) {
        return counter(name) - earlier.counter(name);
    }

    /** A percentile field of one of the interval histograms, in milliseconds. */
    double ms(String histogram, String field) {
        JsonNode h = json.path(histogram);
        return h.path("count").asLong(0) == 0 ? Double.NaN : h.path(field).asLong() / 1000.0;
    }

    long count(String histogram) {
        return json.path(histogram).path("count").asLong(0);
    }
}
