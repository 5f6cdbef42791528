package dev.sluice.cli;

import dev.sluice.queue.DeadLetter;
import dev.sluice.queue.DeadLetterQueue;
import dev.sluice.runtime.DeadLetterReplay;
import dev.sluice.runtime.RunLayout;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = {"List a run's dead letters: records that threw (on-error: dead-letter) or crashed their process.",
                "--replay feeds them back through their stages' current code in this process (after a fix: which "
                        + "pass now?) and writes the outputs of those that pass to dlq/replayed-<stage>.txt; exit 1 if any still fails."})
final class DlqCommand implements Callable<Integer> {
    @Mixin
    RunDirectoryArgument runDirectory;

    @Option(names = "--stack", description = "print each stack trace too")
    boolean stack;

    @Option(names = "--replay", description = "feed the dead letters back through their stages")
    boolean replay;

    @Override
    public Integer call() throws Exception {
        RunLayout layout = runDirectory.layout();
        List<DeadLetter> letters = DeadLetterQueue.readAll(layout.dlq());
        System.out.println(letters.size() + " dead letter(s) in " + layout.dlq());
        for (DeadLetter letter : letters) {
            System.out.printf("%s worker %d, input %d document %d record %d, %d attempt(s), %s: %s (%d bytes)%n",
                    letter.stage(), letter.worker(), letter.inputQueue(), letter.inputDoc(), letter.index(),
                    letter.attempts(), Instant.ofEpochMilli(letter.epochMillis()), letter.error(),
                    letter.record().length);
            if (stack) {
                System.out.println(letter.stackTrace());
            }
        }
        if (replay && !letters.isEmpty()) {
            return DeadLetterReplay.replay(layout, letters, System.out) == 0 ? SluiceCli.OK : SluiceCli.FAILED;
        }
        return SluiceCli.OK;
    }
}
