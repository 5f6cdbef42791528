package dev.sluice.runtime;

import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import dev.sluice.counters.RunCounters;
import dev.sluice.queue.ChronicleStartup;
import dev.sluice.queue.DiskFullException;
import dev.sluice.queue.DocumentFullException;
import dev.sluice.queue.TornDocumentException;
import dev.sluice.rundir.RunContext;
import dev.sluice.rundir.RunLayout;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of a stage process: {@code StageProcessMain RUN_DIR SUPERVISOR_PID [standby]}. Its orders come
 * on standard input ({@link SlotOrders}): the run's resolved configuration, then the slot to run. A standby
 * process warms up in between, so that it can take over a slot whose process died without a JVM start. It
 * exits 0 when the slot ended (or when its input ended before a slot came), 1 when it failed (the exception
 * is the log's last {@value #FAILURE_MARK} line).
 */
public final class StageProcessMain {
    /** Marks the line of a stage's log that names the exception it failed with. */
    public static final String FAILURE_MARK = "stage failed: ";
    /** Exit code of a failure a restart cannot mend (bad configuration or input, a record that failed under on-error: fail). */
    public static final int EXIT_FATAL = 4;
    /** Exit code of a stage stopped by a (nearly) full disk before it wrote anything torn: the run stops, resumable. */
    public static final int EXIT_DISK_FULL = 5;
    /** The argument that makes a process a standby one: it warms up before its slot comes. */
    public static final String STANDBY = "standby";

    private StageProcessMain() {
    }

    private static boolean isFatal(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RecordFailedException || c instanceof dev.sluice.api.ConfigException
                    || c instanceof dev.sluice.api.BadInputException
                    || c instanceof dev.sluice.api.RecordTooLargeException || c instanceof DocumentFullException
                    || c instanceof TornDocumentException) {
                return true;
            }
        }
        return false;
    }

    /** The JVM's report of a SIGBUS in a memory-mapped file: a page the disk could not back, or a truncated file. */
    private static boolean isMappedAccessFault(Throwable t) {
        return t instanceof InternalError && String.valueOf(t.getMessage()).contains("unsafe memory access");
    }

    public static void main(String[] args) {
        Logger log = LoggerFactory.getLogger(StageProcessMain.class);
        ChronicleStartup.warmInBackground(); // while the configuration comes and the slot is awaited
        int exitCode;
        try {
            RunLayout layout = new RunLayout(Path.of(args[0]));
            SupervisorWatch.start(Long.parseLong(args[1]));
            boolean standby = args.length > 2 && args[2].equals(STANDBY);
            exitCode = runSlot(layout, standby, new DataInputStream(new BufferedInputStream(System.in)), log);
        } catch (Throwable t) {
            log.error(FAILURE_MARK + t, t);
            exitCode = DiskFullException.isDiskFull(t) || isMappedAccessFault(t) ? EXIT_DISK_FULL
                    : isFatal(t) ? EXIT_FATAL : 1;
        }
        System.out.flush();
        System.exit(exitCode);
    }

    private static int runSlot(RunLayout layout, boolean standby, DataInputStream orders, Logger log) throws Exception {
        PipelineConfig config = SlotOrders.readConfig(orders, Thread.currentThread().getContextClassLoader());
        if (config == null) {
            return 0; // the supervisor had no slot for this process after all
        }
        try (RunCounters counters = RunCounters.open(layout.controlFile())) {
            RunContext run = new RunContext(config, layout, counters);
            if (standby) {
                StandbyWarmUp.warm(run);
            }
            SlotOrders.Slot slot = SlotOrders.readSlot(orders);
            if (slot == null) {
                return 0;
            }
            StageConfig stage = config.stage(slot.stage());
            if (standby) {
                StandbyWarmUp.slotCame(run, stage, slot.worker());
            }
            log.info("starting {}-{} of pipeline {} (pid {}{})", stage.name(), slot.worker(), config.name(),
                    ProcessHandle.current().pid(), standby ? ", a standby process" : "");
            StopSignal stop = StopSignal.install();
            dev.sluice.metrics.SlotMetrics.countWholeProcess();
            boolean finished;
            try {
                finished = SlotRunner.run(run, stage, slot.worker(), stop::requested);
            } finally {
                stop.stopped();
            }
            log.info(finished ? "finished {}-{}" : "stopped {}-{} (SIGTERM): resume continues from here", stage.name(),
                    slot.worker());
            return 0;
        }
    }
}
