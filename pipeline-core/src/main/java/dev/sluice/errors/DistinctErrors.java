package dev.sluice.errors;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.errors.ErrorLogReader;

/**
 * Reads every slot process's error log of a run ({@link SlotErrorLog}), live or after the fact, as
 * AeronStat's ErrorStat reads Aeron's: each file is mapped read-only and read with Agrona's
 * {@link ErrorLogReader}. The same exception from several processes of a stage (a restarted worker
 * throwing it again, or two workers) is one {@link DistinctError} with the counts added up.
 */
public final class DistinctErrors {
    private static final Pattern NAME = Pattern.compile("(.+)-(\\d+)-(\\d+)(?:\\.(\\d+))?" + Pattern.quote(SlotErrorLog.SUFFIX));
    /**
     * A process's logs in the order it wrote them: {@code x-0-7.errors}, then {@code x-0-7.2.errors} ...
     * {@code x-0-7.10.errors} (by name, the first would come last and {@code .10} before {@code .2}).
     */
    private static final Comparator<LogFile> WRITTEN = Comparator.comparing(LogFile::stage)
            .thenComparingInt(LogFile::worker).thenComparingLong(LogFile::pid).thenComparingInt(LogFile::sequence);

    private DistinctErrors() {
    }

    /** One error log file, from its name. */
    private record LogFile(Path file, String stage, int worker, long pid, int sequence) {
    }

    /** One process's entry, before merging. */
    private record Entry(String stage, int worker, long pid, int count, long first, long last, String text) {
    }

    /** Every distinct error of the run under {@code errorsDir}, the most recent last. */
    public static List<DistinctError> read(Path errorsDir) throws IOException {
        Map<String, List<Entry>> byError = new LinkedHashMap<>();
        for (Entry e : entries(errorsDir)) {
            byError.computeIfAbsent(e.stage() + '\n' + e.text(), k -> new ArrayList<>()).add(e);
        }
        List<DistinctError> errors = new ArrayList<>();
        for (List<Entry> same : byError.values()) {
            TreeSet<Integer> workers = new TreeSet<>();
            TreeSet<Long> pids = new TreeSet<>();
            long count = 0;
            Entry first = same.get(0);
            Entry last = same.get(0);
            for (Entry e : same) {
                workers.add(e.worker());
                pids.add(e.pid());
                count += e.count();
                first = e.first() < first.first() ? e : first;
                last = e.last() > last.last() ? e : last;
            }
            errors.add(new DistinctError(first.stage(), workers, pids, last.pid(), count, first.first(), last.last(),
                    first.text()));
        }
        errors.sort(Comparator.comparingLong(DistinctError::lastMillis));
        return errors;
    }

    /** The error process {@code pid} of slot {@code <stage>-<worker>} recorded last, if any. */
    public static Optional<DistinctError> latest(Path errorsDir, String stage, int worker, long pid) throws IOException {
        return entries(errorsDir).stream()
                .filter(e -> e.stage().equals(stage) && e.worker() == worker && e.pid() == pid)
                // timestamps are in milliseconds: of two errors last seen in the same one, the one the log
                // holds later (first seen later) is taken as the latest
                .reduce((latest, e) -> e.last() >= latest.last() ? e : latest)
                .map(e -> new DistinctError(stage, new TreeSet<>(List.of(worker)), new TreeSet<>(List.of(pid)), pid,
                        e.count(), e.first(), e.last(), e.text()));
    }

    private static List<Entry> entries(Path errorsDir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(errorsDir)) {
            return entries;
        }
        List<LogFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(errorsDir)) {
            for (Path file : list.toList()) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    files.add(new LogFile(file, name.group(1), Integer.parseInt(name.group(2)),
                            Long.parseLong(name.group(3)), name.group(4) == null ? 1 : Integer.parseInt(name.group(4))));
                }
            }
        }
        files.sort(WRITTEN);
        for (LogFile log : files) {
            String stage = log.stage();
            int worker = log.worker();
            long pid = log.pid();
            MappedByteBuffer mapped;
            try (FileChannel channel = FileChannel.open(log.file(), StandardOpenOption.READ)) {
                if (channel.size() == 0) {
                    continue; // made, not yet mapped by its writer
                }
                mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            }
            try {
                ErrorLogReader.read(new UnsafeBuffer(mapped), (count, first, last, text) ->
                        entries.add(new Entry(stage, worker, pid, count, first, last, text)));
            } finally {
                IoUtil.unmap(mapped);
            }
        }
        return entries;
    }
}
