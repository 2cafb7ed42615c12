package dev.aivoicebot.call;

import dev.aivoicebot.metrics.CallMeter;
import dev.aivoicebot.openai.RealtimeConnection;
import dev.aivoicebot.openai.RealtimeEventHandler;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A call's link to its OpenAI Realtime session: opening it, keeping the caller's audio while none is open,
 * the session-ready deadline, and the bounded retries with backoff after a drop. A new session is configured
 * and given the conversation so far before the buffered audio.
 *
 * <p>Used under the call's monitor. What happens later (a connect result, a timer) is handed to the call's
 * {@link Callbacks}, which take that monitor first.
 */
final class UpstreamLink {

    /** Caller audio kept while a session opens: 10 s of 20 ms frames, beyond any connect timeout. */
    static final int MAX_BUFFERED_FRAMES = 500;
    static final int MAX_RECONNECTS = 3;

    /** Where the link reports back to the call. */
    record Callbacks(Consumer<RealtimeConnection> opened, Consumer<Throwable> failed, Runnable sessionNotReady,
            Runnable retryDue) {
    }

    private final CallEnvironment env;
    private final CallMeter meter;
    private final RealtimeEventHandler events;
    private final Callbacks callbacks;
    private final ArrayDeque<String> bufferedAudio = new ArrayDeque<>();
    private RealtimeConnection connection;
    private int reconnects;
    private long sessionReadyTimer = -1;
    private long retryTimer = -1;

    UpstreamLink(CallEnvironment env, CallMeter meter, RealtimeEventHandler events, Callbacks callbacks) {
        this.env = env;
        this.meter = meter;
        this.events = events;
        this.callbacks = callbacks;
    }

    void connect() {
        retryTimer = -1;
        meter.connecting();
        env.realtime.connect(events).subscribe().with(callbacks.opened(), callbacks.failed());
    }

    /** Relays caller audio to the open session, or keeps it (the newest {@value #MAX_BUFFERED_FRAMES} frames). */
    void callerAudio(String base64Payload) {
        if (connection != null) {
            connection.appendAudio(base64Payload);
            return;
        }
        if (bufferedAudio.size() == MAX_BUFFERED_FRAMES) {
            bufferedAudio.removeFirst();
        }
        bufferedAudio.addLast(base64Payload);
    }

    /** A session opened: configure it, give it the conversation so far, the audio kept meanwhile, the greeting. */
    void attach(RealtimeConnection opened, Object sessionUpdate, List<?> history, Object greeting) {
        connection = opened;
        meter.upstreamOpened();
        opened.send(sessionUpdate);
        history.forEach(opened::send);
        while (!bufferedAudio.isEmpty()) {
            opened.appendAudio(bufferedAudio.removeFirst());
        }
        if (greeting != null) {
            opened.send(greeting);
        }
        sessionReadyTimer = env.vertx.setTimer(env.openAi.connectTimeout().toMillis(),
                id -> callbacks.sessionNotReady().run());
    }

    /** {@code session.updated}: the session has our configuration. */
    void sessionReady() {
        cancel(sessionReadyTimer);
        meter.sessionReady();
    }

    /** A response completed: this session works, so a later drop (e.g. its expiry) gets the full retry budget. */
    void sessionWorks() {
        reconnects = 0;
    }

    boolean isOpen() {
        return connection != null;
    }

    void send(Object event) {
        connection.send(event);
    }

    void cancelResponse() {
        connection.cancelResponse();
    }

    /** Forgets the session (it closed, or is being closed), keeping the retry budget. */
    void detach() {
        connection = null;
        cancel(sessionReadyTimer);
    }

    /** Closes the session now and forgets it. */
    void closeSession() {
        if (connection != null) {
            connection.close();
        }
        detach();
    }

    /** Schedules the next connect after an exponential backoff; 0 when the retries are used up. */
    int scheduleRetry() {
        if (reconnects == MAX_RECONNECTS) {
            return 0;
        }
        reconnects++;
        meter.reconnecting();
        retryTimer = env.vertx.setTimer(250L << (reconnects - 1), id -> callbacks.retryDue().run());
        return reconnects;
    }

    int reconnects() {
        return reconnects;
    }

    /** The call is over: stops every timer, drops the kept audio, and returns the session for the caller to close. */
    RealtimeConnection release() {
        RealtimeConnection open = connection;
        connection = null;
        bufferedAudio.clear();
        cancel(sessionReadyTimer);
        cancel(retryTimer);
        return open;
    }

    private void cancel(long timerId) {
        if (timerId >= 0) {
            env.vertx.cancelTimer(timerId);
        }
    }
}
