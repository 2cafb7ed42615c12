package dev.aivoicebot.archive;

import java.io.IOException;

/**
 * The archive cannot be read just now (its database does not answer): the caller may try again later, unlike a
 * request that is wrong. Its message says what failed and holds no secret.
 */
public class ArchiveUnavailableException extends IOException {

    public ArchiveUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
