package dev.sluice.api;

/**
 * Input a stage cannot turn into a record (a CSV row with too few fields, a line that is not JSON).
 * A {@link Source} throws it from {@code read} once its position has moved past the bad input (the
 * records emitted before it in that call are kept), and a {@link Processor} from {@code process}; the
 * stage's {@code on-error} policy then fails the run, skips the input or dead-letters it, and the
 * message says where it was ({@code orders.csv:17: ...}).
 */
public class MalformedRecordException extends Exception {
    private final String where;
    private final String problem;
    private final byte[] input;

    /**
     * @param where   the file and line, {@code orders.csv:17}
     * @param problem what is wrong with it
     * @param input   the bad input's bytes (what a dead letter keeps)
     */
    public MalformedRecordException(String where, String problem, byte[] input) {
        super(where + ": " + problem);
        this.where = where;
        this.problem = problem;
        this.input = input;
    }

    public String where() {
        return where;
    }

    public String problem() {
        return problem;
    }

    public byte[] input() {
        return input;
    }
}
