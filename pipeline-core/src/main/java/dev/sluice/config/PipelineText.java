package dev.sluice.config;

import dev.sluice.api.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A pipeline file's text: UTF-8, or an error at the line and column of the first byte that is not. */
final class PipelineText {
    private PipelineText() {
    }

    static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read pipeline file: " + e, e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new ConfigException(badByte(file, bytes, in.position(), out.flip()));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static String badByte(Path file, byte[] bytes, int offset, CharBuffer decoded) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < decoded.limit(); i++) {
            if (decoded.get(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = decoded.limit() - lineStart + 1;
        return String.format("%s:%d:%d: not UTF-8 text (byte 0x%02x at offset %d); a pipeline file must be UTF-8 YAML",
                file, line, column, bytes[offset] & 0xff, offset);
    }
}
