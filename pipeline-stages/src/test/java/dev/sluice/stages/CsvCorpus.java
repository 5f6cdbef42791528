package dev.sluice.stages;

import dev.sluice.api.Row;
import dev.sluice.api.RowSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Generated CSV with what it holds known in advance (not by parsing it): rows of
 * {@code id:long, name:string, city:string, amount:double} whose strings hold delimiters, quotes,
 * newlines, Unicode and empty strings, with nulls, \n and \r\n line ends, and malformed records
 * (too few fields, a non-number in a number column) at known lines.
 */
final class CsvCorpus {
    static final RowSchema SCHEMA = RowSchema.builder().longField("id").string("name").string("city")
            .doubleField("amount").build();
    private static final String[] WORDS = {"plain", "comma, inside", "quote \" inside", "new\nline", "crlf\r\nline",
        "ünïcødé €", "日本語", "emoji 🙂", "  spaced  ", "semi;colon", "", "'single'", "tab\there"};

    final List<Row> rows = new ArrayList<>();
    /** file:line of each malformed record, in input order. */
    final List<String> malformed = new ArrayList<>();

    /** Writes {@code files} files (the last gzipped) of {@code rows} rows each, one in 25 malformed if asked. */
    static CsvCorpus write(Path dir, int files, int rowsPerFile, boolean withMalformed, long seed) throws IOException {
        CsvCorpus corpus = new CsvCorpus();
        Random random = new Random(seed);
        Files.createDirectories(dir);
        long id = 0;
        for (int f = 0; f < files; f++) {
            boolean gz = f == files - 1 && files > 1;
            Path file = dir.resolve(String.format("part-%02d.csv%s", f, gz ? ".gz" : ""));
            StringBuilder text = new StringBuilder("id,name,city,amount\n");
            int line = 2;
            for (int r = 0; r < rowsPerFile; r++) {
                String end = random.nextInt(4) == 0 ? "\r\n" : "\n";
                if (withMalformed && random.nextInt(25) == 0) {
                    corpus.malformed.add(file + ":" + line);
                    text.append(random.nextBoolean() ? id + ",only two" : "x" + id + ",a,b,1.5").append(end);
                    line++;
                    continue;
                }
                String name = random.nextInt(8) == 0 ? null : WORDS[random.nextInt(WORDS.length)] + " " + r;
                String city = random.nextInt(6) == 0 ? "" : WORDS[random.nextInt(WORDS.length)];
                Double amount = random.nextInt(10) == 0 ? null : Math.round(random.nextDouble() * 1e6) / 100.0;
                corpus.rows.add(Row.of(SCHEMA, id, name, city, amount));
                String record = id + "," + field(name) + "," + field(city) + "," + (amount == null ? "" : amount);
                text.append(record).append(end);
                line += record.split("\r\n|\r|\n", -1).length; // CSV lines the record spans
                id++;
            }
            try (OutputStream out = gz ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return corpus;
    }

    /** null as an empty field, "" quoted, quotes doubled where the text needs quoting. */
    private static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.isEmpty() || value.contains(",") || value.contains("\"") || value.contains("\n")
                || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
