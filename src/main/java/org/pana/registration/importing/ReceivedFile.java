package org.pana.registration.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An uploaded file copied to a private temporary file, with its SHA-256 (the import's identity within a
 * jurisdiction), its size and its format as its bytes say. Delete it with {@link #close()}.
 */
record ReceivedFile(Path path, String name, String sha256, long size, ImportFormat format) implements AutoCloseable {

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a temporary file; the operating system cleans its temporary directory
        }
    }
}
