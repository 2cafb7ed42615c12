package dev.aivoicebot.events;

import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.transcript.CallFileName;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The outbox as files beside the transcripts, {@code LOG_DIR/outbox} (on Kubernetes, the persistent volume), one
 * file per event holding the body exactly as it is sent. Where a file is and its name say its state:
 * <ul>
 * <li>{@code pending/<start>_<CallSid>.<attempts>.<due, epoch ms>.json}: waiting, due from then;</li>
 * <li>{@code claimed/<start>_<CallSid>.<attempts>.<lease end, epoch ms>.<replica>.json}: one replica is trying it;</li>
 * <li>{@code dead/<start>_<CallSid>.<attempts>.<given up, epoch ms>.json}: given up.</li>
 * </ul>
 * Every change of state is one rename, atomic on a POSIX file system: of replicas that try to claim the same file,
 * exactly one rename succeeds; the others find the file gone and move on. A claim whose lease has ended (its replica
 * died mid-attempt) is claimed again the same way, by renaming that exact name, so again only one replica wins.
 * The entry's age is the file's modification time, which renames keep.
 */
final class FileOutbox implements Outbox {

    private static final Pattern NAME = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}Z_CA[0-9a-fA-F]{32})\\.(\\d{1,9})\\.(\\d{1,15})"
                    + "(?:\\.([A-Za-z0-9-]{1,63}))?\\.json$");
    private static final String SUFFIX = ".json";

    private final Path tmp;
    private final Path pending;
    private final Path claimed;
    private final Path dead;
    private final String replica;

    /** @param replica this replica's name in claims: letters, digits and dashes, unique among running replicas */
    FileOutbox(Path dir, String replica) {
        if (!replica.matches("[A-Za-z0-9-]{1,63}")) {
            throw new IllegalArgumentException("replica name: letters, digits and dashes only");
        }
        this.tmp = dir.resolve("tmp");
        this.pending = dir.resolve("pending");
        this.claimed = dir.resolve("claimed");
        this.dead = dir.resolve("dead");
        this.replica = replica;
    }

    /** A file's state, read from its name; null for a file not named by this outbox. */
    private record Entry(Path file, CallFileName call, int attempts, long millis, String replica) {

        static Entry of(Path file) {
            Matcher m = NAME.matcher(file.getFileName().toString());
            if (!m.matches()) {
                return null;
            }
            Optional<CallFileName> call = CallFileName.of(Path.of(m.group(1) + CallFileName.TRANSCRIPT));
            return call.map(c -> new Entry(file, c, Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)),
                    m.group(4))).orElse(null);
        }
    }

    @Override
    public void put(CallFileName call, byte[] event) throws IOException {
        Files.createDirectories(tmp);
        Files.createDirectories(pending);
        Path written = tmp.resolve(call.base() + SUFFIX + ".tmp");
        try (FileChannel channel = FileChannel.open(written, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(event);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true); // on disk before it is visible as pending
        }
        Files.move(written, pending.resolve(name(call, 0, System.currentTimeMillis(), null)),
                StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Optional<OutboxEntry> claim(Instant now, Instant leaseUntil) throws IOException {
        List<Entry> candidates = new ArrayList<>();
        // entries due, earliest first; then claims whose replica did not finish within its lease
        entries(pending).stream().filter(e -> e.millis() <= now.toEpochMilli())
                .sorted(Comparator.comparingLong(Entry::millis)).forEach(candidates::add);
        entries(claimed).stream().filter(e -> e.millis() < now.toEpochMilli()).forEach(candidates::add);
        for (Entry candidate : candidates) {
            // an abandoned claim counts as an attempt: an event that kills its replica is not tried for ever
            int attempts = candidate.replica() == null ? candidate.attempts() : candidate.attempts() + 1;
            Path mine = claimed.resolve(name(candidate.call(), attempts, leaseUntil.toEpochMilli(), replica));
            if (!moved(candidate.file(), mine)) {
                continue; // another replica took it first
            }
            try {
                return Optional.of(new OutboxEntry(candidate.call().callSid(), attempts,
                        Files.getLastModifiedTime(mine).toInstant(), Files.readAllBytes(mine),
                        mine.getFileName().toString()));
            } catch (NoSuchFileException e) {
                continue; // erased between the claim and the read
            }
        }
        return Optional.empty();
    }

    @Override
    public void done(OutboxEntry entry) throws IOException {
        Files.deleteIfExists(claimed.resolve(entry.claim()));
    }

    @Override
    public void retryLater(OutboxEntry entry, Instant due) throws IOException {
        moveClaim(entry, pending, entry.attempts() + 1, due.toEpochMilli());
    }

    @Override
    public void release(OutboxEntry entry) throws IOException {
        moveClaim(entry, pending, entry.attempts(), System.currentTimeMillis());
    }

    @Override
    public void dead(OutboxEntry entry) throws IOException {
        moveClaim(entry, dead, entry.attempts() + 1, System.currentTimeMillis());
    }

    @Override
    public int pending() throws IOException {
        return entries(pending).size() + entries(claimed).size();
    }

    @Override
    public int erase(CallSid callSid) throws IOException {
        return remove(entry -> entry.call().callSid().equals(callSid));
    }

    @Override
    public int eraseStartedBefore(Instant cutoff) throws IOException {
        return remove(entry -> entry.call().startedAt().isBefore(cutoff));
    }

    private int remove(Predicate<Entry> which) throws IOException {
        List<CallSid> calls = new ArrayList<>();
        for (Path state : List.of(pending, claimed, dead)) {
            for (Entry entry : entries(state)) {
                if (which.test(entry) && Files.deleteIfExists(entry.file())
                        && !calls.contains(entry.call().callSid())) {
                    calls.add(entry.call().callSid());
                }
            }
        }
        return calls.size();
    }

    /** Moves this replica's claim on; a claim that is gone (erased, or taken over after its lease) is left alone. */
    private void moveClaim(OutboxEntry entry, Path to, int attempts, long millis) throws IOException {
        Entry claim = Entry.of(claimed.resolve(entry.claim()));
        if (claim == null) {
            throw new IllegalArgumentException("not a claim of this outbox");
        }
        Files.createDirectories(to);
        moved(claim.file(), to.resolve(name(claim.call(), attempts, millis, null)));
    }

    private boolean moved(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static String name(CallFileName call, int attempts, long millis, String replica) {
        return call.base() + "." + attempts + "." + millis + (replica == null ? "" : "." + replica) + SUFFIX;
    }

    private static List<Entry> entries(Path state) throws IOException {
        if (!Files.isDirectory(state)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(state)) {
            return files.map(Entry::of).filter(Objects::nonNull).toList();
        }
    }
}
