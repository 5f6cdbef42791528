package dev.sluice.queue;

/** What a document is: a batch of records, or the writer's END sentinel. */
public enum DocumentKind {
    DATA(1), END(2);

    private final byte code;

    DocumentKind(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    public static DocumentKind of(byte code) {
        return switch (code) {
            case 1 -> DATA;
            case 2 -> END;
            default -> throw new IllegalStateException("corrupt document: unknown kind " + code);
        };
    }
}
