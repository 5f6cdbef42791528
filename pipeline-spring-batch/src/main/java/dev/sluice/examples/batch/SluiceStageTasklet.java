package dev.sluice.examples.batch;

import dev.sluice.EmbeddedStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * A Spring Batch Tasklet that runs one (embedded) aggregate of a Sluice pipeline in slices, and keeps the
 * aggregate's position (its snapshot: state and input positions) in the step's ExecutionContext, which
 * Spring Batch commits after every slice. A restarted job puts that snapshot back before attaching, so the
 * stage continues from the last committed position and the result is exact.
 */
public final class SluiceStageTasklet implements Tasklet {
    static final String SNAPSHOT = "sluice.snapshot";
    static final String RESULT = "sluice.result";

    private final Path runDirectory;
    private final String stage;
    private final long sliceMillis;
    private boolean restored;

    public SluiceStageTasklet(Path runDirectory, String stage, long sliceMillis) {
        this.runDirectory = runDirectory;
        this.stage = stage;
        this.sliceMillis = sliceMillis;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        ExecutionContext context = chunk.getStepContext().getStepExecution().getExecutionContext();
        Path snapshot = runDirectory.resolve("state").resolve(stage + ".snapshot");
        if (!restored && context.containsKey(SNAPSHOT)) {
            Path temp = snapshot.resolveSibling(snapshot.getFileName() + ".from-batch");
            Files.write(temp, Base64.getDecoder().decode(context.getString(SNAPSHOT)));
            Files.move(temp, snapshot, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("restored the stage's position from the step's ExecutionContext");
        }
        restored = true;

        EmbeddedStage embedded = EmbeddedStage.attach(runDirectory, stage);
        CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> {
            try {
                return embedded.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String result;
        try {
            result = run.get(sliceMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException sliceOver) {
            embedded.stop();
            result = run.get();
        }
        if (result != null) {
            context.putString(RESULT, result);
            System.out.println("result " + result);
            return RepeatStatus.FINISHED;
        }
        if (Files.exists(snapshot)) {
            context.putString(SNAPSHOT, Base64.getEncoder().encodeToString(Files.readAllBytes(snapshot)));
            System.out.println("slice done; position saved in the step's ExecutionContext");
        }
        return RepeatStatus.CONTINUABLE;
    }
}
