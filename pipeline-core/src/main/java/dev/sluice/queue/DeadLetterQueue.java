package dev.sluice.queue;

import dev.sluice.config.QueueSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/** {@code dlq/<stage>-<worker>}: one Chronicle Queue of dead letters per writing process. */
public final class DeadLetterQueue implements AutoCloseable {
    /** An error message or stack trace is cut to this many characters: a message may quote a huge record. */
    static final int MAX_TEXT = 64 << 10;

    private final SingleChronicleQueue queue;
    private final QueueSpace space;
    private final ExcerptAppender appender;

    public DeadLetterQueue(Path directory, QueueSettings settings, DiskBudget budget) {
        if (!Files.isDirectory(directory)) {
            budget.check(DiskBudget.storeOf(directory.getParent()), directory.getParent(), 1L << 20);
            QueueFiles.create(directory, settings);
        }
        this.queue = QueueFiles.open(directory, settings);
        UnfinishedCycles.remove(queue);
        this.space = new QueueSpace(queue, budget);
        this.appender = queue.createAppender();
    }

    public void append(DeadLetter letter) {
        String error = cut(letter.error());
        String stack = cut(letter.stackTrace());
        space.reserve(letter.record().length + 4L * (error.length() + stack.length() + letter.stage().length()) + 256);
        long end;
        try (DocumentContext dc = appender.writingDocument()) {
            try {
                Bytes<?> out = dc.wire().bytes();
                out.writeUtf8(letter.stage());
                out.writeInt(letter.worker());
                out.writeInt(letter.inputQueue());
                out.writeLong(letter.inputDoc());
                out.writeInt(letter.index());
                out.writeInt(letter.attempts());
                out.writeLong(letter.epochMillis());
                out.writeUtf8(error);
                out.writeUtf8(stack);
                out.writeInt(letter.record().length);
                out.write(letter.record());
                end = out.writePosition();
            } catch (Throwable t) {
                dc.rollbackOnClose();
                throw t;
            }
        }
        space.appended(end);
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "... (" + text.length() + " characters)";
    }

    /**
     * Every dead letter under {@code dlqDir}, once per record (a record dead-lettered again after a
     * restart is listed once, with its latest error).
     */
    public static List<DeadLetter> readAll(Path dlqDir) throws IOException {
        Map<String, DeadLetter> letters = new LinkedHashMap<>();
        if (!Files.isDirectory(dlqDir)) {
            return List.of();
        }
        List<Path> queues;
        try (Stream<Path> dirs = Files.list(dlqDir)) {
            queues = dirs.filter(Files::isDirectory).sorted().toList();
        }
        for (Path dir : queues) {
            try (SingleChronicleQueue queue = QueueFiles.open(dir); ExcerptTailer tailer = queue.createTailer()) {
                while (true) {
                    try (DocumentContext dc = tailer.readingDocument()) {
                        if (!dc.isPresent()) {
                            break;
                        }
                        DeadLetter letter = read(dc.wire().bytes());
                        letters.put(letter.key(), letter);
                    }
                }
            }
        }
        return new ArrayList<>(letters.values());
    }

    private static DeadLetter read(Bytes<?> in) {
        String stage = in.readUtf8();
        int worker = in.readInt();
        int inputQueue = in.readInt();
        long inputDoc = in.readLong();
        int index = in.readInt();
        int attempts = in.readInt();
        long epochMillis = in.readLong();
        String error = in.readUtf8();
        String stack = in.readUtf8();
        byte[] record = new byte[in.readInt()];
        in.read(record);
        return new DeadLetter(stage, worker, inputQueue, inputDoc, index, attempts, epochMillis, error, stack, record);
    }

    @Override
    public void close() {
        appender.close();
        space.close();
        queue.close();
    }
}
