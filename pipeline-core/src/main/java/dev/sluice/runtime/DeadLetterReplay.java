package dev.sluice.runtime;

import dev.sluice.api.Aggregate;
import dev.sluice.api.BatchAggregate;
import dev.sluice.api.BatchProcessor;
import dev.sluice.api.Processor;
import dev.sluice.api.RecordList;
import dev.sluice.api.ResultFiles;
import dev.sluice.api.Stage;
import dev.sluice.config.ConfigLoader;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import dev.sluice.queue.DeadLetter;
import dev.sluice.rundir.RunLayout;
import dev.sluice.rundir.RunProperties;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds a run's dead letters back through their stages' current code, in this process: after a fix,
 * which records now pass? A processor's outputs for the records that pass are written, one per line,
 * to {@code dlq/replayed-<stage>.txt} (a batch processor's as a count, its outputs being bytes); an
 * aggregate's are only checked.
 */
public final class DeadLetterReplay {
    private DeadLetterReplay() {
    }

    /** @return how many dead letters still fail */
    public static int replay(RunLayout layout, List<DeadLetter> letters, PrintStream out) throws Exception {
        PipelineConfig config = ConfigLoader.load(layout.pipelineYaml(), RunProperties.read(layout));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(config.stageLoader()); // what stages load by name (a codec, say) is found too
        try {
            return replay(layout, config, letters, out);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static int replay(RunLayout layout, PipelineConfig config, List<DeadLetter> letters, PrintStream out)
            throws Exception {
        int failing = 0;
        for (StageConfig stage : config.stages()) {
            List<DeadLetter> mine = letters.stream().filter(l -> l.stage().equals(stage.name())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            List<Object> outputs = new ArrayList<>();
            try (Stage instance = StageFactory.create(config, stage)) {
                instance.open(new SlotContext(config, stage, 0, layout.dir()));
                for (DeadLetter letter : mine) {
                    try {
                        feed(instance, letter, outputs);
                        out.println("passes now: " + letter.key());
                    } catch (Exception | StackOverflowError e) {
                        failing++;
                        out.println("still fails: " + letter.key() + ": " + e);
                    }
                }
            }
            if (!outputs.isEmpty()) {
                Path file = layout.dlq().resolve("replayed-" + stage.name() + ".txt");
                ResultFiles.writeAtomically(file, w -> {
                    for (Object o : outputs) {
                        w.write(String.valueOf(o));
                        w.newLine();
                    }
                });
                out.println(outputs.size() + " output record(s) of stage '" + stage.name() + "' written to " + file);
            }
        }
        return failing;
    }

    @SuppressWarnings("unchecked")
    private static void feed(Stage stage, DeadLetter letter, List<Object> outputs) throws Exception {
        if (stage instanceof BatchProcessor processor) { // outputs are bytes: say how many
            RecordList produced = new RecordList();
            processor.process(RecordList.ofBytes(List.of(letter.record())), produced);
            processor.flush(produced);
            outputs.add(produced.size() + " record(s) from " + letter.key());
        } else if (stage instanceof BatchAggregate aggregate) {
            aggregate.accept(RecordList.ofBytes(List.of(letter.record())));
        } else if (stage instanceof Processor<?, ?> p) {
            Processor<Object, Object> processor = (Processor<Object, Object>) p;
            List<Object> produced = new ArrayList<>();
            processor.process(letter.decode(processor.inputCodec()), produced::add);
            processor.flush(produced::add);
            outputs.addAll(produced);
        } else if (stage instanceof Aggregate<?> a) {
            Aggregate<Object> aggregate = (Aggregate<Object>) a;
            aggregate.accept(letter.decode(aggregate.inputCodec()));
        } else {
            throw new UnsupportedOperationException("a source's unreadable input is not replayed; fix the input file");
        }
    }
}
