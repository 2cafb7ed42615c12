package dev.aivoicebot.transcript;

import java.nio.file.Path;

/**
 * Told when a call's files are complete: its transcript's last line and its details sidecar are on disk. Declared
 * here and implemented above (the business webhook), so the transcript knows nothing of who listens. Runs on the
 * transcript I/O thread, in order with the call's writes: it may do file I/O, never wait on the network.
 */
public interface CallEndListener {

    /** @param dir the directory holding the call's files ({@code LOG_DIR}) */
    void ended(Path dir, CallFileName name, CallDetails details);
}
