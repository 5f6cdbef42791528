package dev.sluice.api;

/**
 * A byte range of a file, cut at line ends, as {@code file-chunks} emits them: a worker reads its
 * chunk itself ({@link ChunkReader}), so reading is spread over the workers. A gzipped file is one
 * chunk (it cannot be cut), gunzipped whole by its reader.
 */
public record FileChunk(String path, long offset, long length) {
    /** Whether the file is gzipped: then the chunk is the whole file. */
    public boolean gzipped() {
        return path.endsWith(".gz");
    }
}
