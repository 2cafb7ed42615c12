package dev.aivoicebot.call;

import dev.aivoicebot.openai.OutOfBandResult;
import dev.aivoicebot.openai.RealtimeConnection;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One call's summary step: the request goes out on the session the call leaves open for it, and the first of the
 * answer, SUMMARY_TIMEOUT, or the session closing ends the wait and closes the session. Thread-safe: the answer
 * comes on the session's event loop, the timeout on a timer.
 */
final class SummaryStep {

    private final CallSummaries summaries;
    private final Vertx vertx;
    private final CompletableFuture<Summary> done = new CompletableFuture<>();
    private volatile boolean asking;

    SummaryStep(CallSummaries summaries, Vertx vertx) {
        this.summaries = summaries;
        this.vertx = vertx;
    }

    /** Asks on {@code session}, which is closed when the step ends; the stage never fails. */
    CompletionStage<Summary> ask(RealtimeConnection session) {
        asking = true;
        long timer = vertx.setTimer(summaries.timeout().toMillis(), id -> done.complete(Summary.none(
                summaries.outcomeAsked(), "no answer within " + summaries.timeout().toMillis() / 1000.0 + " s")));
        done.whenComplete((summary, failure) -> {
            vertx.cancelTimer(timer);
            session.close();
        });
        session.send(summaries.request());
        return done;
    }

    /** Closes the session without asking (summaries off, or the call ended as it did): nothing to wait for. */
    CompletionStage<Summary> skip(RealtimeConnection session) {
        if (session != null) {
            session.close();
        }
        done.complete(Summary.NOT_ASKED);
        return done;
    }

    /** An out-of-band response ended; only ours counts. */
    void answered(OutOfBandResult result) {
        if (CallSummaries.PURPOSE.equals(result.purpose())) {
            done.complete(summaries.read(result));
        }
    }

    /** A session closed or failed; while we wait for the answer, there will be none. */
    void sessionClosed() {
        if (asking) {
            done.complete(Summary.none(summaries.outcomeAsked(), "the assistant connection closed first"));
        }
    }
}
