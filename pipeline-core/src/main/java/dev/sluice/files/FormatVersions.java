package dev.sluice.files;

/**
 * The version of every format Sluice writes for another process or a later run to read, in one place. A reader
 * that finds another version stops with {@link #incompatible}'s message instead of misreading the bytes. Raise a
 * version when its format changes in a way the previous reader would misread.
 */
public final class FormatVersions {
    /** {@code control.dat}: its header, counter types and keys ({@code ControlFileDescriptor}), in its header. */
    public static final int CONTROL_FILE = 2;
    /**
     * Stage queues and dead-letter queues: the document header and record framing ({@code DocumentHeader},
     * {@code DocumentWriter}); recorded in {@code run.properties}, where every reader of a run directory checks it.
     */
    public static final int QUEUES = 1;
    /** {@code state/shared.dat}: objects in YAML order, each on its own cache lines; in its header. */
    public static final int SHARED_STATE = 1;
    /** An aggregate's snapshot: input positions, merge state, records in, then the aggregate's own bytes; after its magic. */
    public static final int SNAPSHOT = 1;
    /** What the supervisor sends a stage process on its standard input ({@code SlotOrders}), first on the stream. */
    public static final int SLOT_ORDERS = 2;
    /** {@code metrics/summary.json}, its {@code version} field. */
    public static final int SUMMARY_JSON = 1;

    private FormatVersions() {
    }

    /** The message for a file (or stream) of another format version than this Sluice's. */
    public static String incompatible(Object file, String format, long found, int expected) {
        return file + " was made by an incompatible Sluice version (" + format + " format " + found
                + "; this Sluice reads " + expected + "): finish or resume it with the Sluice that started it";
    }
}
