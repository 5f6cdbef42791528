package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.Pipeline;
import dev.sluice.outcome.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordCountPipelineTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    void shouldCountWordsOfAGeneratedCorpusExactlyAcrossWorkerProcesses() throws Exception {
        Path corpus = Corpus.write(dir.resolve("corpus"), 3, 20_000);
        Path output = dir.resolve("counts.tsv");

        RunResult result = Pipeline.load(config("wordcount.yaml"), Map.of(
                        "input", corpus + "/*", "output", output.toString(), "workers", "2"))
                .workDir(dir.resolve("runs")).run();

        assertEquals(Corpus.expectedTsv(corpus), Files.readString(output));
        assertEquals(3, result.stage("read").recordsOut()); // one chunk of each (small) file
        assertEquals(2, result.stage("tokenize").workers());
    }

    @Test
    void shouldGiveTheSameCountsInProcessAsWithProcesses() throws Exception {
        Path corpus = Corpus.write(dir.resolve("corpus"), 1, 5_000);
        Path output = dir.resolve("in-process.tsv");

        Pipeline.load(config("wordcount.yaml"), Map.of("input", corpus + "/*", "output", output.toString(),
                "workers", "3")).workDir(dir.resolve("runs")).inProcess(true).run();

        assertEquals(Corpus.expectedTsv(corpus), Files.readString(output));
    }

    @Test
    void shouldLeaveOneLogPerProcessNamedByPid() throws Exception {
        Path corpus = Corpus.write(dir.resolve("corpus"), 1, 100);

        RunResult result = Pipeline.load(config("wordcount.yaml"), Map.of("input", corpus + "/*", "workers", "2"))
                .workDir(dir.resolve("runs")).run();

        List<String> logs;
        try (var files = Files.list(result.runDirectory().resolve("logs"))) {
            logs = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(5, logs.size(), logs.toString());
        for (String prefix : List.of("count-0-", "read-0-", "supervisor-", "tokenize-0-", "tokenize-1-")) {
            assertEquals(1, logs.stream().filter(l -> l.startsWith(prefix) && l.matches(".*-\\d+\\.log")).count(),
                    prefix + " in " + logs);
        }
    }
}
