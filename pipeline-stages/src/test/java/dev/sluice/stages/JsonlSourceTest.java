package dev.sluice.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.MalformedRecordException;
import dev.sluice.api.Row;
import dev.sluice.api.RowSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlSourceTest {
    private static final RowSchema SCHEMA = RowSchema.builder().string("user").longField("status")
            .doubleField("ms").build();

    @TempDir
    Path dir;

    @Test
    void shouldReadTheGeneratedRowsAndNameEachMalformedLineFromAnyResumePosition() throws Exception {
        Random random = new Random(5);
        List<Row> expected = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Path file = dir.resolve("log.jsonl");
        String[] bad = {"not json", "[1,2]", "{\"status\":\"abc\"}", "{\"user\":{\"nested\":1}}", "{\"ms\":1} {}"};
        for (int line = 1; line <= 3_000; line++) {
            if (random.nextInt(30) == 0) {
                text.append(bad[random.nextInt(bad.length)]).append('\n');
                malformed.add(file + ":" + line);
                continue;
            }
            if (random.nextInt(40) == 0) {
                text.append("  \n"); // blank: skipped
                continue;
            }
            String user = random.nextInt(9) == 0 ? null : "ü\"s\\er " + random.nextInt(50);
            Long status = random.nextInt(9) == 0 ? null : (long) (200 + random.nextInt(400));
            Double ms = random.nextInt(9) == 0 ? null : random.nextInt(100_000) / 8.0;
            expected.add(Row.of(SCHEMA, user, status, ms));
            text.append("{\"extra\":{\"deep\":[1,{\"x\":2}]},");
            text.append("\"user\":").append(user == null ? "null" : "\"" + user.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
            if (status != null) {
                text.append(",\"status\":").append(random.nextBoolean() ? status.toString() : "\"" + status + "\"");
            }
            text.append(",\"ms\":").append(ms == null ? "null" : ms.toString()).append('}')
                    .append(random.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        Files.writeString(file, text);

        for (int stopAfter : new int[] {0, 1, 999, 2_000}) {
            List<Row> rows = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            JsonlSource first = source(file);
            long position = readInto(first, rows, errors, stopAfter);
            JsonlSource resumed = source(file);
            resumed.seek(position);
            readInto(resumed, rows, errors, Integer.MAX_VALUE);
            CsvSourceTest.assertSameRows(expected, rows);
            assertEquals(malformed, errors, "resumed after " + stopAfter + " rows");
        }
    }

    private JsonlSource source(Path file) throws Exception {
        JsonlSource source = new JsonlSource();
        source.open(new TestContext(Map.of("path", file.toString(), "fields", "user, status:long, ms:double",
                "chunk-size", "4KB"), dir));
        return source;
    }

    /** Reads up to {@code limit} rows (errors taken as the skip policy would); returns the position after them. */
    private static long readInto(JsonlSource source, List<Row> rows, List<String> errors, int limit) throws Exception {
        int start = rows.size();
        while (rows.size() - start < limit) {
            try {
                if (!source.read(r -> rows.add((Row) r), Math.min(37, limit - (rows.size() - start)))) {
                    break;
                }
            } catch (MalformedRecordException e) {
                errors.add(e.where());
            }
        }
        return source.position();
    }
}
