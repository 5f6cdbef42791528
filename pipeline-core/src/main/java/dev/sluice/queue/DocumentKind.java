package dev.sluice.queue;

/**
 * What a document is: a batch of records, the same with its records in one section per partition
 * (for a partitioned aggregate), or the writer's END sentinel.
 */
public enum DocumentKind {
    DATA(1), END(2), SECTIONS(3);

    private final byte code;

    DocumentKind(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    /** Whether the document carries records (of some input range), unlike END. */
    public boolean hasRecords() {
        return this != END;
    }

    public static DocumentKind of(byte code) {
        return switch (code) {
            case 1 -> DATA;
            case 2 -> END;
            case 3 -> SECTIONS;
            default -> throw new IllegalStateException("corrupt document: unknown kind " + code);
        };
    }
}
