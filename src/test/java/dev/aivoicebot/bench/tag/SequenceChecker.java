package dev.aivoicebot.bench.tag;

/**
 * Checks one stream's frame numbers as they arrive: in order, a gap (frames missing so far), a late frame
 * filling an earlier gap (reordered), or a number already seen (duplicated). A gap counts as lost only
 * until its frames turn up; numbers more than {@value #WINDOW} behind the highest are too old to tell a late
 * frame from a duplicate and count as reordered. Not thread-safe: one stream, one thread.
 */
public final class SequenceChecker {

    /** What one arrival was. */
    public enum Arrival { IN_ORDER, AFTER_GAP, LATE, DUPLICATE }

    static final int WINDOW = 1024;

    private final boolean[] seen = new boolean[WINDOW];
    private long highest;
    private long received;
    private long missing;
    private long duplicated;
    private long reordered;

    /** {@code firstSeq}: the number the stream starts at; frames before the first arrival are missing. */
    public SequenceChecker(long firstSeq) {
        this.highest = firstSeq - 1;
    }

    public Arrival accept(long seq) {
        if (seq > highest) {
            long gap = seq - highest - 1;
            for (long s = Math.max(highest + 1, seq - WINDOW + 1); s < seq; s++) {
                seen[slot(s)] = false;
            }
            seen[slot(seq)] = true;
            highest = seq;
            missing += gap;
            received++;
            return gap == 0 ? Arrival.IN_ORDER : Arrival.AFTER_GAP;
        }
        if (highest - seq >= WINDOW) {
            reordered++;
            return Arrival.LATE;
        }
        if (seen[slot(seq)]) {
            duplicated++;
            return Arrival.DUPLICATE;
        }
        seen[slot(seq)] = true;
        received++;
        missing--;
        reordered++;
        return Arrival.LATE;
    }

    /** Distinct frames received. */
    public long received() {
        return received;
    }

    /** Frames skipped by a later arrival and not (yet) received. */
    public long missing() {
        return missing;
    }

    public long duplicated() {
        return duplicated;
    }

    public long reordered() {
        return reordered;
    }

    public long highest() {
        return highest;
    }

    private static int slot(long seq) {
        return (int) Math.floorMod(seq, (long) WINDOW);
    }
}
