package dev.sluice.queue;

/**
 * A record a stage could not process: where it came from, the error, and its bytes as they were in
 * the input queue (so it can be replayed).
 *
 * @param inputQueue the stage's input queue index; with {@code inputDoc} and {@code index} it names the record
 * @param attempts   how many times it was tried (process crashes count)
 */
public record DeadLetter(String stage, int worker, int inputQueue, long inputDoc, int index, int attempts,
                         long epochMillis, String error, String stackTrace, byte[] record) {
    /** Decodes the record with the codec of the stage that read it. */
    public <T> T decode(dev.sluice.api.Codec<T> codec) {
        BytesRecordInput input = new BytesRecordInput();
        input.wrap(net.openhft.chronicle.bytes.Bytes.wrapForRead(record));
        return codec.decode(input);
    }

    /** Identifies the record, whichever process dead-lettered it and how often. */
    public String key() {
        return stage + "/" + inputQueue + "/" + inputDoc + "/" + index;
    }
}
