package dev.aivoicebot.transcript;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The details sidecar of a call, {@code <start>_<CallSid>.json} beside its transcript. Written once, whole: to a
 * temporary file first, then moved into place, so a reader (the database sync, the calls API) sees no file or the
 * complete one, never half of it. Its presence says the call has ended.
 */
public final class CallDetailsFile {

    /** A private mapper: the file format does not change with the HTTP layer's JSON settings. */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private CallDetailsFile() {
    }

    public static void write(Path file, CallDetails details) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, JSON.writeValueAsBytes(details));
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The details, or empty while the call is live (no file yet); a file that cannot be read is an error. */
    public static Optional<CallDetails> read(Path file) throws IOException {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), CallDetails.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
