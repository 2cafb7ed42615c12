package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One response being generated: {@code response.created}, its output items one after the other, each sending one
 * piece per Vert.x timer tick, then {@code response.done}, completed or cancelled. Runs on the connection's event
 * loop only: timers set there fire there, so no locking and no blocking.
 */
final class ResponseStream {

    private final SessionConnection session;
    private final ResponseObjects objects;
    private final Vertx vertx;
    private final long intervalMs;
    private final List<OutputItem> items;
    private final Iterator<OutputItem> pending;
    private final Runnable onDone;
    private final JsonNode metadata;
    private final String id = Ids.response();
    private final List<ObjectNode> output = new ArrayList<>();
    private OutputItem current;
    private int opened;
    private long timerId = -1;
    private boolean finished;

    ResponseStream(SessionConnection session, ResponseObjects objects, Vertx vertx, long intervalMs,
            List<OutputItem> items, Runnable onDone) {
        this(session, objects, vertx, intervalMs, items, onDone, null);
    }

    /** An out-of-band response when {@code metadata} (the request's, echoed back) is not null. */
    ResponseStream(SessionConnection session, ResponseObjects objects, Vertx vertx, long intervalMs,
            List<OutputItem> items, Runnable onDone, JsonNode metadata) {
        this.session = session;
        this.objects = objects;
        this.vertx = vertx;
        this.intervalMs = intervalMs;
        this.items = List.copyOf(items);
        this.pending = this.items.iterator();
        this.onDone = onDone;
        this.metadata = metadata;
    }

    String id() {
        return id;
    }

    void start() {
        session.send("response.created", objects.created(id, metadata));
        openNext();
        tick();
    }

    private void openNext() {
        current = pending.next();
        current.open(id, opened++);
    }

    private void tick() {
        timerId = -1;
        if (finished) {
            return;
        }
        while (!current.next()) {
            output.add(current.close(true));
            current = null;
            if (!pending.hasNext()) {
                finish("completed", null);
                return;
            }
            openNext();
        }
        timerId = vertx.setTimer(intervalMs, ignored -> tick());
    }

    /** The caller barged in: what the real service still had on the wire goes out first. */
    void sendInFlightDelta() {
        if (!finished && current != null) {
            current.sendInFlight();
        }
    }

    /** Ends the response; {@code reason} ("client_cancelled", "turn_detected") only when cancelled. */
    void finish(String status, String reason) {
        if (finished) {
            return;
        }
        stop();
        if (current != null) {
            output.add(current.close("completed".equals(status)));
            current = null;
        }
        List<OutputItem> started = items.subList(0, opened);
        int audioBytes = started.stream().mapToInt(OutputItem::audioBytes).sum();
        String text = started.stream().map(OutputItem::text).collect(Collectors.joining());
        session.send("response.done", objects.done(id, status, reason, output, audioBytes, text, metadata));
        onDone.run();
    }

    /** Stops sending without another event (the connection is gone). */
    void stop() {
        finished = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }
}
