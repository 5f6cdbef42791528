package dev.sluice.counters;

/**
 * How far a stage has consumed one input queue, in the queue's own dense numbering: set (never added)
 * from the headers of the documents it takes, so replays after a restart leave them exact. What was
 * written less what was consumed is the backlog of that queue.
 */
public enum InputField {
    /** Documents: one past the last data document taken. */
    DOCS(0, "consumed-docs"),
    /** Records: every record of the documents up to that one. */
    RECORDS(1, "consumed-records");

    private static final InputField[] BY_ID = new InputField[values().length];

    static {
        for (InputField field : values()) {
            BY_ID[field.id] = field;
        }
    }

    /** Its counters' key in control.dat: on disk, so a field keeps its id (a new one takes the next). */
    private final int id;
    private final String label;

    InputField(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public int id() {
        return id;
    }

    /** The field of a counter key, or null for one this version does not know. */
    public static InputField byId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    public String label() {
        return label;
    }
}
