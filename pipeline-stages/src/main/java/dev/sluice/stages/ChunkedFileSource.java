package dev.sluice.stages;

import dev.sluice.api.Codec;
import dev.sluice.api.ConfigException;
import dev.sluice.api.Emitter;
import dev.sluice.api.MalformedRecordException;
import dev.sluice.api.Options;
import dev.sluice.api.RowCodec;
import dev.sluice.api.SizedSource;
import dev.sluice.api.Source;
import dev.sluice.api.StageContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A source of rows from text files of records (CSV, JSON lines): a file or glob, {@code .gz} read
 * too, cut into chunks of whole records that are parsed here ({@code parse: source}) or handed whole
 * to a parallel {@code *-parse} stage ({@code parse: workers}). Its position is the file and the byte
 * offset after the last record emitted ({@link FilePosition}), always on a record boundary, so a
 * restarted source continues exactly there.
 */
abstract class ChunkedFileSource implements Source<Object>, SizedSource {
    private static final Set<String> BYTE_FRIENDLY = Set.of("UTF-8", "US-ASCII", "ISO-8859-1", "windows-1252");

    private List<Path> files;
    private InputSizes sizes;
    private Charset charset;
    private boolean parseHere;
    private int chunkBytes;
    private int maxRecordBytes;
    private Codec<?> codec;
    private int fileIndex;
    private RecordChunker chunker;
    private ParsedChunk parsed;
    private int cursor;
    private long chunkOffset;

    /** Reads the format's own options. */
    abstract void configure(Options options, Charset charset);

    abstract String format();

    abstract RecordBoundaries boundaries();

    /**
     * A file is opened at its start: read what comes before its records (a header) from {@code in},
     * which starts after any byte-order mark.
     *
     * @return how many bytes that was
     */
    abstract long startFile(Path file, InputStream in) throws IOException;

    /** The current file's parsing plan as bytes, for parse workers. */
    abstract byte[] plan();

    abstract ParsedChunk parse(String file, long firstLine, byte[] bytes, int length);

    @Override
    public void validate(Options options) {
        InputFiles.resolve(options, "path");
    }

    @Override
    public void open(StageContext context) throws IOException {
        Options options = context.options();
        files = InputFiles.resolve(options, "path");
        sizes = new InputSizes(files);
        charset = Charset.forName(options.getString("encoding", "UTF-8"));
        if (!BYTE_FRIENDLY.contains(charset.name())) {
            throw options.error("encoding", "use UTF-8, US-ASCII, ISO-8859-1 or windows-1252 (records are found"
                    + " by their bytes)");
        }
        String parse = options.getString("parse", "source");
        if (!parse.equals("source") && !parse.equals("workers")) {
            throw options.error("parse", "expected source or workers, got '" + parse + "'");
        }
        parseHere = parse.equals("source");
        chunkBytes = (int) ByteSizes.get(options, "chunk-size", 256 << 10, 4 << 10, 64 << 20);
        maxRecordBytes = (int) ByteSizes.get(options, "max-record-size", 16 << 20, 1 << 10, 1 << 30);
        configure(options, charset);
        codec = parseHere ? RowCodec.of(context) : TextChunk.CODEC;
        context.logger().info("reading {} file(s), first {}; parsing in the {}", files.size(), files.get(0),
                parseHere ? "source" : "workers");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Codec<Object> outputCodec() {
        return (Codec<Object>) codec;
    }

    @Override
    public void seek(long position) throws IOException {
        closeFile();
        fileIndex = FilePosition.fileIndex(position);
        if (fileIndex < files.size()) {
            openFile(FilePosition.offset(position));
        }
    }

    @Override
    public boolean read(Emitter<Object> out, int max) throws IOException, MalformedRecordException {
        for (int emitted = 0; emitted < max; ) {
            if (parsed != null && cursor < parsed.size()) {
                Object item = parsed.item(cursor++);
                if (item instanceof MalformedRecordException malformed) {
                    throw malformed;
                }
                out.emit(item);
                emitted++;
                continue;
            }
            parsed = null;
            if (!nextChunk()) {
                return false;
            }
            String file = files.get(fileIndex).toString();
            if (!parseHere) {
                out.emit(new TextChunk(format(), file, chunker.chunkLine(), plan(),
                        Arrays.copyOf(chunker.bytes(), chunker.length())));
                return true; // one chunk per document: the unit parse workers claim
            }
            parsed = parse(file, chunker.chunkLine(), chunker.bytes(), chunker.length());
            cursor = 0;
        }
        return true;
    }

    @Override
    public long position() {
        if (parsed != null && cursor < parsed.size()) {
            return FilePosition.of(fileIndex, chunkOffset + parsed.start(cursor));
        }
        return FilePosition.of(fileIndex, chunker == null ? 0 : chunker.endOffset());
    }

    @Override
    public long size() {
        return sizes.total();
    }

    @Override
    public long done() {
        return sizes.done(position());
    }

    private boolean nextChunk() throws IOException {
        while (fileIndex < files.size()) {
            if (chunker == null) {
                openFile(0);
            }
            try {
                if (chunker.next()) {
                    chunkOffset = chunker.chunkOffset();
                    return true;
                }
            } catch (RecordChunker.RecordTooLongException e) {
                throw new ConfigException(files.get(fileIndex) + ": " + e.getMessage()
                        + "; raise max-record-size if such records are real");
            }
            closeFile();
            fileIndex++;
        }
        return false;
    }

    /** Opens the current file at {@code offset} (0: its start), past its byte-order mark and header. */
    private void openFile(long offset) throws IOException {
        Path file = files.get(fileIndex);
        long recordsStart;
        try (PushbackInputStream in = new PushbackInputStream(InputFiles.open(file, 0), 3)) {
            int bom = ByteOrderMark.skip(in);
            recordsStart = bom + startFile(file, in);
        }
        long from = Math.max(offset, recordsStart);
        long line = from == 0 ? 1 : InputFiles.lineAt(file, from);
        chunker = new RecordChunker(InputFiles.open(file, from), boundaries(), chunkBytes, maxRecordBytes, from, line);
    }

    private void closeFile() throws IOException {
        if (chunker != null) {
            chunker.close();
            chunker = null;
        }
        parsed = null;
    }

    @Override
    public void close() throws IOException {
        closeFile();
    }
}
