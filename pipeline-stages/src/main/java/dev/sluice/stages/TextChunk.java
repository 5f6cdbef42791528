package dev.sluice.stages;

import dev.sluice.api.Codec;
import dev.sluice.api.RecordInput;
import dev.sluice.api.RecordOutput;

/**
 * Whole records of a text file, handed by a source ({@code parse: workers}) to parse workers: the
 * format, the file and first line (for error messages), how to parse them (the format's plan) and the
 * bytes.
 */
record TextChunk(String format, String file, long firstLine, byte[] plan, byte[] text) {
    private static final int MAGIC = 0x54434b31; // "TCK1"

    static final Codec<TextChunk> CODEC = new Codec<>() {
        public void encode(TextChunk chunk, RecordOutput out) {
            out.writeInt(MAGIC);
            out.writeUtf8(chunk.format);
            out.writeUtf8(chunk.file);
            out.writeLong(chunk.firstLine);
            out.writeInt(chunk.plan.length);
            out.writeBytes(chunk.plan, 0, chunk.plan.length);
            out.writeInt(chunk.text.length);
            out.writeBytes(chunk.text, 0, chunk.text.length);
        }

        public TextChunk decode(RecordInput in) {
            if (in.remaining() < 4 || in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a chunk of text records: a *-parse stage reads the output of a"
                        + " csv or jsonl source with parse: workers");
            }
            String format = in.readUtf8();
            String file = in.readUtf8();
            long firstLine = in.readLong();
            byte[] plan = new byte[in.readInt()];
            in.readBytes(plan, 0, plan.length);
            byte[] text = new byte[in.readInt()];
            in.readBytes(text, 0, text.length);
            return new TextChunk(format, file, firstLine, plan, text);
        }
    };
}
