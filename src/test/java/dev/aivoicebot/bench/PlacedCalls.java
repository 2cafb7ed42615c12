package dev.aivoicebot.bench;

import dev.aivoicebot.sim.SimulatedCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** The calls placed so far and what it took to place them; dialers add to it concurrently. */
final class PlacedCalls {
    final ConcurrentLinkedQueue<SimulatedCall> placed = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> handshakeNanos = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> webhookNanos = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> streamOpenNanos = new ConcurrentLinkedQueue<>();
    final AtomicInteger failures = new AtomicInteger();
    volatile String firstFailure;

    void placed(SimulatedCall call, long webhook, long streamOpen) {
        placed.add(call);
        webhookNanos.add(webhook);
        streamOpenNanos.add(streamOpen);
        handshakeNanos.add(webhook + streamOpen);
    }

    void failed(RuntimeException e) {
        if (failures.getAndIncrement() == 0) {
            firstFailure = e.toString();
        }
    }

    List<SimulatedCall> live() {
        return placed.stream().filter(call -> !call.isEnded()).toList();
    }

    long sentBytes() {
        return placed.stream().mapToLong(SimulatedCall::sentAudioBytes).sum();
    }

    /** The {@code q} percentile (nearest rank) of {@code nanos}, in milliseconds. */
    static double percentileMs(ConcurrentLinkedQueue<Long> nanos, double q) {
        List<Long> sorted = new ArrayList<>(nanos);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
