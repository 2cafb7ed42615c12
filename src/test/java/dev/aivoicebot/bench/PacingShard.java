package dev.aivoicebot.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One generator event loop and the calls on it. Calls are spread over 20 one-millisecond slots (by call
 * index), so each millisecond sends a twentieth of the frames instead of all at once; a tick runs every slot
 * that is due, computed from the start (start + n ms), so a late tick catches up instead of drifting.
 */
final class PacingShard {

    private static final int SLOTS = 20;
    private static final long SLOT_NANOS = 1_000_000;

    final Context context;
    private final Vertx vertx;
    private final GeneratorStats stats;
    @SuppressWarnings("unchecked")
    private final List<TaggedCall>[] slots = new List[SLOTS];
    private final List<TaggedCall> calls = new ArrayList<>();
    private long startNanos;
    private long nextSlot;

    PacingShard(Vertx vertx, Context context, GeneratorStats stats) {
        this.vertx = vertx;
        this.context = context;
        this.stats = stats;
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new ArrayList<>();
        }
    }

    void start() {
        context.runOnContext(v -> {
            startNanos = System.nanoTime();
            tick();
        });
    }

    /** Must run on this shard's context. */
    void add(TaggedCall call) {
        slots[call.index % SLOTS].add(call);
        calls.add(call);
    }

    private void tick() {
        long now = System.nanoTime();
        while (startNanos + nextSlot * SLOT_NANOS <= now) {
            List<TaggedCall> due = slots[(int) (nextSlot % SLOTS)];
            if (!due.isEmpty()) {
                stats.pacingLatenessMicros.recordValueWithCount(
                        GeneratorStats.micros(now - (startNanos + nextSlot * SLOT_NANOS)), due.size());
                for (TaggedCall call : due) {
                    call.tick(now);
                }
            }
            nextSlot++;
        }
        long delayMs = Math.max(1, (startNanos + nextSlot * SLOT_NANOS - System.nanoTime() + SLOT_NANOS - 1) / SLOT_NANOS);
        vertx.setTimer(delayMs, id -> tick());
    }

    /** Runs {@code action} over this shard's calls on its event loop. */
    <T> Future<T> onCalls(Function<List<TaggedCall>, T> action) {
        Promise<T> result = Promise.promise();
        context.runOnContext(v -> result.complete(action.apply(calls)));
        return result.future();
    }

    Future<CallCounts> counts(boolean settle) {
        return onCalls(list -> list.stream().map(c -> c.counts(settle)).reduce(CallCounts.ZERO, CallCounts::plus));
    }
}
