package dev.sluice.stages;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/** What a {@code csv-parse} worker needs to parse a chunk, as the source encodes it: the dialect and the file's plan. */
record CsvChunkPlan(CsvChunkParser parser, CsvPlan plan) {
    static byte[] encode(char delimiter, char quote, Charset charset, CsvPlan plan) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeChar(delimiter);
            out.writeChar(quote);
            StateIO.writeString(out, charset.name());
            byte[] encoded = plan.encode();
            out.writeInt(encoded.length);
            out.write(encoded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static CsvChunkPlan decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            char delimiter = in.readChar();
            char quote = in.readChar();
            Charset charset = Charset.forName(StateIO.readString(in));
            byte[] plan = new byte[in.readInt()];
            in.readFully(plan);
            return new CsvChunkPlan(new CsvChunkParser(delimiter, quote, charset), CsvPlan.decode(plan));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
