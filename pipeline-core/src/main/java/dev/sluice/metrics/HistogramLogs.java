package dev.sluice.metrics;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Reads a run's HdrHistogram interval logs ({@link HistogramLogFiles}) back with HdrHistogram's own
 * {@link HistogramLogReader}: every interval of every process, added up per tag, so a slot's restarted
 * processes count together.
 */
public final class HistogramLogs {
    private HistogramLogs() {
    }

    /** By tag ({@code <stage>-<worker>.<measure>}), in tag order; empty if there are none. */
    public static Map<String, Histogram> read(Path metricsDir) throws IOException {
        Map<String, Histogram> byTag = new TreeMap<>();
        if (!Files.isDirectory(metricsDir)) {
            return byTag;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(metricsDir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(HistogramLogFiles.SUFFIX)).sorted().toList();
        }
        for (Path file : files) {
            HistogramLogReader reader;
            try {
                reader = new HistogramLogReader(file.toFile());
            } catch (FileNotFoundException e) {
                continue; // its process's retention or a cleanup removed it meanwhile
            }
            try {
                for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                    if (h instanceof Histogram histogram && histogram.getTag() != null) {
                        byTag.computeIfAbsent(histogram.getTag(), t -> new Histogram(3)).add(histogram);
                    }
                }
            } catch (RuntimeException torn) {
                // a process killed mid-line leaves a torn last line: what came before it still counts
            } finally {
                reader.close();
            }
        }
        return byTag;
    }

    /** Each measure of each stage, its workers added up: keys {@code <stage>.<measure>}. */
    public static Map<String, Histogram> byStage(Map<String, Histogram> byTag) {
        Map<String, Histogram> stages = new TreeMap<>();
        for (Map.Entry<String, Histogram> e : byTag.entrySet()) {
            String slot = HistogramLogFiles.slot(e.getKey());
            String stage = slot.substring(0, slot.lastIndexOf('-'));
            stages.computeIfAbsent(stage + "." + HistogramLogFiles.kind(e.getKey()).label(), k -> new Histogram(3))
                    .add(e.getValue());
        }
        return stages;
    }
}
