package dev.sluice.stages;

import java.io.IOException;
import java.io.PushbackInputStream;

/** A UTF-8 byte-order mark at the start of a file (Excel writes one): skipped, never part of a record. */
final class ByteOrderMark {
    private static final byte[] UTF8 = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ByteOrderMark() {
    }

    /** Skips a byte-order mark at the stream's start; returns its length (0 if there is none). */
    static int skip(PushbackInputStream in) throws IOException {
        byte[] head = in.readNBytes(UTF8.length);
        if (head.length == UTF8.length && head[0] == UTF8[0] && head[1] == UTF8[1] && head[2] == UTF8[2]) {
            return UTF8.length;
        }
        in.unread(head);
        return 0;
    }
}
