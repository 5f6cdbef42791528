package dev.sluice.counters;

/**
 * How far a stage has consumed one input queue, in the queue's own dense numbering: set (never added)
 * from the headers of the documents it takes, so replays after a restart leave them exact. What was
 * written less what was consumed is the backlog of that queue.
 */
public enum InputField {
    /** Documents: one past the last data document taken. */
    DOCS("consumed-docs"),
    /** Records: every record of the documents up to that one. */
    RECORDS("consumed-records");

    private final String label;

    InputField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
