package dev.sluice.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadTheLastLinesOfALogFromItsEndOnly() throws Exception {
        Path log = dir.resolve("big.log");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) { // well over the bytes read
            text.append("line ").append(i).append('\n');
        }
        Files.writeString(log, text);

        assertEquals(List.of("line 19997", "line 19998", "line 19999"), LogTail.lines(log, 3));
    }

    @Test
    void shouldReadAShortLogWhole() throws Exception {
        Path log = dir.resolve("short.log");
        Files.writeString(log, "first\nsecond");

        assertEquals(List.of("first", "second"), LogTail.lines(log, 10));
    }
}
