package dev.aivoicebot.retention;

import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.transcript.CallFileName;
import dev.aivoicebot.transcript.TranscriptStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Forgets calls in {@code LOG_DIR}: a call's transcript and its details sidecar. A call's age is its start time,
 * read from the file name (not the file's modification time, which a copy or a restore changes).
 */
@Singleton
class FileCallEraser implements CallEraser {

    private final Path dir;

    @Inject
    FileCallEraser(TranscriptStore transcripts) {
        this(transcripts.dir());
    }

    FileCallEraser(Path dir) {
        this.dir = dir;
    }

    @Override
    public String what() {
        return "files";
    }

    @Override
    public int erase(CallSid callSid) throws IOException {
        int removed = 0;
        for (Path file : callFiles()) {
            if (CallFileName.of(file).filter(name -> name.callSid().equals(callSid)).isPresent()) {
                removed += Files.deleteIfExists(file) ? 1 : 0;
            }
        }
        return removed;
    }

    @Override
    public int eraseStartedBefore(Instant cutoff) throws IOException {
        List<CallSid> calls = new ArrayList<>();
        for (Path file : callFiles()) {
            Optional<CallFileName> name = CallFileName.of(file).filter(n -> n.startedAt().isBefore(cutoff));
            if (name.isPresent() && Files.deleteIfExists(file) && !calls.contains(name.get().callSid())) {
                calls.add(name.get().callSid());
            }
        }
        return calls.size();
    }

    /** The files in LOG_DIR named like a call's (transcripts and sidecars); nothing else there is touched. */
    private List<Path> callFiles() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> CallFileName.of(file).isPresent()).toList();
        }
    }
}
