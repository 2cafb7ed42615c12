package dev.aivoicebot.transcript;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads calls from {@code LOG_DIR}, the source of truth: the transcript's lines and, once the call has ended, its
 * details sidecar. Only complete lines count (ending in a newline): a line being written or torn by a crash is
 * not read, so what a reader sees of a live call only ever grows.
 */
public final class TranscriptFile {

    private TranscriptFile() {
    }

    /** The calls in {@code dir} (those with a transcript), oldest first; none when the directory does not exist. */
    public static List<CallFileName> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(CallFileName.TRANSCRIPT))
                    .map(CallFileName::of).flatMap(Optional::stream)
                    .sorted((a, b) -> a.base().compareTo(b.base())).toList();
        }
    }

    /** The call named {@code name} in {@code dir}; empty when it has no transcript there. */
    public static Optional<CallRecord> read(Path dir, CallFileName name) throws IOException {
        Path transcript = name.transcript(dir);
        // details first: when they exist, the transcript is complete (they are written after its last line)
        Optional<CallDetails> details = CallDetailsFile.read(name.details(dir));
        if (!Files.exists(transcript)) {
            return Optional.empty();
        }
        Chunk all = readFrom(transcript, 0, 0);
        return Optional.of(new CallRecord(name, details.orElse(null), all.lines(), details.isEmpty()));
    }

    /**
     * The complete lines from byte {@code offset} on, numbered from {@code seq}; the chunk says where to go on
     * from. A reader that tails a live file calls this again with the chunk's {@code nextOffset} and
     * {@code nextSeq}.
     */
    public static Chunk readFrom(Path transcript, long offset, int seq) throws IOException {
        byte[] bytes;
        try (SeekableByteChannel channel = Files.newByteChannel(transcript)) {
            if (channel.size() <= offset) {
                return new Chunk(List.of(), offset, seq);
            }
            channel.position(offset);
            try (InputStream in = Channels.newInputStream(channel)) {
                bytes = in.readAllBytes();
            }
        }
        List<NumberedLine> lines = new ArrayList<>();
        int start = 0;
        int next = seq;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                String text = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                int number = next++;
                TranscriptLine.parse(text).ifPresent(line -> lines.add(new NumberedLine(number, line)));
                start = i + 1;
            }
        }
        return new Chunk(List.copyOf(lines), offset + start, next);
    }

    /** Lines read, and where the next read starts (the byte after the last complete line, its number). */
    public record Chunk(List<NumberedLine> lines, long nextOffset, int nextSeq) {
    }
}
