package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.Pipeline;
import dev.sluice.counters.SlotField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast word count (file chunks read by the workers, adaptive claims, a partitioned count) with its
 * processes killed mid-run, repeatedly, every kind of them: the result must still be exact, byte for byte.
 */
class ChunkedCrashRecoveryTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void shouldGiveTheExactResultWhenTheChunkSourceWorkersAndPartitionsAreKilledRepeatedly() throws Exception {
        Path corpus = Corpus.write(dir.resolve("corpus"), 3, 12_000);
        Path output = dir.resolve("counts.tsv");
        Path gate = dir.resolve("gate");
        List<String> victims = List.of("read-0", "tokenize-0", "count-0", "tokenize-1", "count-1"); // each kind once
        Pipeline pipeline = Pipeline.load(testPipeline("wordcount-chunks-chaos.yaml"), Map.of("input", corpus + "/*",
                "output", output.toString(), "gate", gate.toString(), "merge-pause-ms", "4000"))
                .workDir(dir.resolve("runs"));
        try (LiveRun run = LiveRun.start(pipeline, dir.resolve("runs/wordcount-chunks-chaos"))) {
            long killed = 0;
            for (int i = 0; i < victims.size(); i++) {
                long chunks = (i + 1) * 60L; // spread the kills over the stream (about 500 chunks)
                run.awaitSlot("read-0", s -> s.get(SlotField.RECORDS_OUT) >= chunks);
                long previous = killed;
                killed = run.killWhen(victims.get(i), s -> s.get(SlotField.PID) != previous);
            }
            Files.createFile(gate); // only now may the source end
            // the last step: partition 1 has saved its final state; kill partition 0 while it merges (it pauses
            // 4 s first: a test thread starved for a second or two on a loaded machine still finds it merging)
            run.awaitSlot("count-1", s -> s.state().label().equals("done"));
            run.killWhen("count-0", s -> true);
            run.result();

            assertEquals(Corpus.expectedTsv(corpus), Files.readString(output));
            long restarts = victims.stream().distinct().mapToLong(v -> run.slot(v).get(SlotField.RESTARTS)).sum();
            assertEquals(victims.size() + 1, restarts);
        }
    }
}
