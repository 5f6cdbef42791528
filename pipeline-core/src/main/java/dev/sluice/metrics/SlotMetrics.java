package dev.sluice.metrics;

import dev.sluice.config.MetricsSettings;
import dev.sluice.counters.LatencyKind;
import dev.sluice.counters.LatencyKind.Stat;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import dev.sluice.files.PrivateFiles;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.LoggerFactory;

/**
 * A slot's metrics while it runs: its {@link DutyCycleClock}, its {@link DocumentMetrics}, and a
 * background thread that every {@code metrics.interval} takes each latency recorder's interval histogram,
 * appends it to the slot process's HdrHistogram interval log ({@link HistogramLogFiles}), and publishes
 * count, sum and percentiles in {@code control.dat}, with the slot's CPU time. Closing publishes the last
 * interval. The recorders are HdrHistogram's single-writer kind: recording costs a few nanoseconds and no lock.
 */
public final class SlotMetrics implements AutoCloseable {
    private static final int SIGNIFICANT_DIGITS = 3;
    private static volatile boolean wholeProcess;

    private final String stage;
    private final int worker;
    private final String slot;
    private final Path metricsDir;
    private final SlotCounters counters;
    private final Map<LatencyKind, SingleWriterRecorder> recorders = new EnumMap<>(LatencyKind.class);
    private final Map<LatencyKind, Histogram> sinceStart = new EnumMap<>(LatencyKind.class);
    private final Map<LatencyKind, Histogram> interval = new EnumMap<>(LatencyKind.class);
    private final Map<LatencyKind, long[]> bases = new EnumMap<>(LatencyKind.class);
    private final Map<LatencyKind, Double> sumNanos = new EnumMap<>(LatencyKind.class);
    private final DutyCycleClock clock;
    private final DocumentMetrics documents;
    private final long slotThread = Thread.currentThread().getId();
    private final long cpuBase;
    private final long startMillis = System.currentTimeMillis();
    private final Thread publisher;
    private volatile boolean closing;
    private OutputStream logStream;
    private IntervalLogWriter log;

    /**
     * Says that this JVM runs one slot only (a stage process): its CPU time is then the whole process's,
     * garbage collection and compilation included, rather than the slot thread's.
     */
    public static void countWholeProcess() {
        wholeProcess = true;
    }

    /**
     * Starts a slot's metrics, on the slot's own thread.
     *
     * @param aggregate whether the slot is an aggregate's, which measures end-to-end latency
     * @param inputs    the slot's input queues' consumption counters, by input queue index
     */
    public static SlotMetrics start(MetricsSettings settings, Path metricsDir, String stage, int worker,
                                    SlotCounters counters, boolean aggregate, List<DocumentMetrics.ConsumedInput> inputs) {
        return new SlotMetrics(settings, metricsDir, stage, worker, counters, aggregate, inputs);
    }

    private SlotMetrics(MetricsSettings settings, Path metricsDir, String stage, int worker, SlotCounters counters,
                        boolean aggregate, List<DocumentMetrics.ConsumedInput> inputs) {
        this.stage = stage;
        this.worker = worker;
        this.slot = stage + "-" + worker;
        this.metricsDir = metricsDir;
        this.counters = counters;
        if (settings.histograms()) {
            for (LatencyKind kind : LatencyKind.values()) {
                if (kind != LatencyKind.END_TO_END || aggregate) {
                    recorders.put(kind, new SingleWriterRecorder(SIGNIFICANT_DIGITS));
                    sinceStart.put(kind, new Histogram(SIGNIFICANT_DIGITS));
                    bases.put(kind, new long[] {counters.get(kind.field(Stat.COUNT)).get(),
                            counters.get(kind.field(Stat.SUM_NS)).get()});
                    sumNanos.put(kind, 0.0);
                }
            }
        }
        this.clock = new DutyCycleClock(counters);
        this.documents = new DocumentMetrics(recorders, counters, inputs);
        this.cpuBase = counters.get(SlotField.CPU_MS).get();
        long intervalMillis = settings.intervalMillis();
        this.publisher = new Thread(() -> {
            while (!closing) {
                try {
                    synchronized (this) {
                        if (!closing) {
                            wait(intervalMillis);
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (!closing) {
                    publish();
                }
            }
        }, "sluice-metrics-" + slot);
        publisher.setDaemon(true);
        publisher.start();
    }

    public DutyCycleClock clock() {
        return clock;
    }

    public DocumentMetrics documents() {
        return documents;
    }

    private synchronized void publish() {
        long cpuNanos = cpuNanos();
        if (cpuNanos >= 0) {
            counters.get(SlotField.CPU_MS).setRelease(cpuBase + cpuNanos / 1_000_000);
        }
        boolean logged = false;
        for (Map.Entry<LatencyKind, SingleWriterRecorder> entry : recorders.entrySet()) {
            LatencyKind kind = entry.getKey();
            Histogram latest = entry.getValue().getIntervalHistogram(interval.get(kind));
            interval.put(kind, latest);
            if (latest.getTotalCount() == 0) {
                continue;
            }
            latest.setTag(HistogramLogFiles.tag(stage, worker, kind));
            logged |= log(latest);
            Histogram total = sinceStart.get(kind);
            total.add(latest);
            sumNanos.merge(kind, latest.getMean() * latest.getTotalCount(), Double::sum);
            long[] base = bases.get(kind);
            counters.get(kind.field(Stat.COUNT)).setRelease(base[0] + total.getTotalCount());
            counters.get(kind.field(Stat.SUM_NS)).setRelease(base[1] + Math.round(sumNanos.get(kind)));
            counters.get(kind.field(Stat.P50_NS)).setRelease(total.getValueAtPercentile(50));
            counters.get(kind.field(Stat.P99_NS)).setRelease(total.getValueAtPercentile(99));
            counters.get(kind.field(Stat.P999_NS)).setRelease(total.getValueAtPercentile(99.9));
            counters.get(kind.field(Stat.MAX_NS)).setRelease(total.getMaxValue());
        }
        if (logged) {
            try {
                logStream.flush();
            } catch (IOException e) {
                logFailed(e);
            }
        }
    }

    /** Appends one interval to this process's log, made on the first interval that has values. */
    private boolean log(Histogram histogram) {
        try {
            if (log == null) {
                PrivateFiles.createDirectories(metricsDir);
                Path file = metricsDir.resolve(slot + "-" + ProcessHandle.current().pid() + HistogramLogFiles.SUFFIX);
                PrivateFiles.createFile(file);
                logStream = new BufferedOutputStream(new FileOutputStream(file.toFile(), true));
                log = new IntervalLogWriter(logStream,
                        "sluice " + slot + " pid " + ProcessHandle.current().pid() + ", values in nanoseconds", startMillis);
            }
            log.write(histogram);
            return true;
        } catch (IOException | RuntimeException e) {
            logFailed(e);
            return false;
        }
    }

    private void logFailed(Exception e) {
        LoggerFactory.getLogger(SlotMetrics.class).warn("cannot write the histogram log of {}: {}", slot, e.toString());
    }

    private long cpuNanos() {
        if (wholeProcess && ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(slotThread) : -1;
    }

    /** Stops the background thread and publishes what was recorded since its last round. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        try {
            publisher.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clock.publish();
        publish();
        if (logStream != null) {
            try {
                logStream.close();
            } catch (IOException e) {
                logFailed(e);
            }
        }
    }
}
