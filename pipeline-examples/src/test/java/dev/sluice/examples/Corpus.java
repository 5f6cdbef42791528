package dev.sluice.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/** A generated text corpus, and its word count computed independently of Sluice. */
final class Corpus {
    private Corpus() {
    }

    /** Lines of random words, punctuation and whitespace; the first file gzipped. */
    static Path write(Path dir, int files, int linesPerFile) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(42);
        String[] vocabulary = new String[500];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = (i % 7 == 0 ? "W" : "w") + Integer.toString(i * 7919, 36) + (i % 11 == 0 ? "_x" : "");
        }
        String[] separators = {" ", "  ", ", ", ". ", "; ", "\t", " - ", "!? ", "'"};
        for (int f = 0; f < files; f++) {
            StringBuilder text = new StringBuilder();
            for (int line = 0; line < linesPerFile; line++) {
                int words = random.nextInt(12);
                for (int w = 0; w < words; w++) {
                    text.append(vocabulary[(int) Math.abs(random.nextGaussian() * 120) % vocabulary.length])
                            .append(separators[random.nextInt(separators.length)]);
                }
                text.append(line % 3 == 0 ? "\r\n" : "\n");
            }
            if (f == 0) {
                try (var out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("part-0.txt.gz")))) {
                    out.write(text.toString().getBytes());
                }
            } else {
                Files.writeString(dir.resolve("part-" + f + ".txt"), text);
            }
        }
        return dir;
    }

    /** An independent count: a regex over the whole text, sorted by count descending then word. */
    static String expectedTsv(Path corpus) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        Pattern word = Pattern.compile("[A-Za-z0-9_]+");
        try (var files = Files.list(corpus)) {
            for (Path file : files.toList()) {
                byte[] bytes = Files.readAllBytes(file);
                if (file.toString().endsWith(".gz")) {
                    bytes = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes();
                }
                Matcher m = word.matcher(new String(bytes));
                while (m.find()) {
                    counts.merge(m.group(), 1L, Long::sum);
                }
            }
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        StringBuilder tsv = new StringBuilder();
        entries.forEach(e -> tsv.append(e.getKey()).append('\t').append(e.getValue()).append('\n'));
        return tsv.toString();
    }
}
