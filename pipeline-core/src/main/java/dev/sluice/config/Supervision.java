package dev.sluice.config;

/**
 * How the supervisor keeps a run alive ({@code supervision:} in YAML). A crashed or hung process is
 * restarted after a backoff that doubles from {@code backoffMillis} up to {@code backoffMaxMillis};
 * more than {@code maxRestarts} restarts within {@code restartWindowMillis} fail the run (Erlang/OTP's
 * restart intensity). When the run directory's file system has less than {@code minFreeDiskBytes} free, the
 * run stops with a clear error instead of letting a stage crash on a full disk; `resume` continues it.
 * With {@code failOnDeadLetters}, a run that dead-lettered records exits non-zero from the command line.
 * {@code startMethod} is how a slot gets a new process.
 */
public record Supervision(int maxRestarts, long restartWindowMillis, long backoffMillis, long backoffMaxMillis,
                          long minFreeDiskBytes, boolean failOnDeadLetters, StartMethod startMethod) {
    public static final Supervision DEFAULT =
            new Supervision(10, 60_000, 100, 5_000, 256L << 20, false, StartMethod.SPAWN);
}
