package dev.sluice.runtime;

/**
 * Ends this stage process when its supervisor dies, so a killed supervisor leaves no orphans.
 * Polls rather than waits: {@code ProcessHandle.onExit} of a non-child process is itself a poll.
 */
final class SupervisorWatch {
    private static final long POLL_MS = 250;

    private SupervisorWatch() {
    }

    static void start(long supervisorPid) {
        ProcessHandle supervisor = ProcessHandle.of(supervisorPid).orElse(null);
        Thread watch = new Thread(() -> {
            while (supervisor != null && supervisor.isAlive()) {
                try {
                    Thread.sleep(POLL_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("supervisor " + supervisorPid + " is gone; stopping");
            Runtime.getRuntime().halt(3);
        }, "sluice-supervisor-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
