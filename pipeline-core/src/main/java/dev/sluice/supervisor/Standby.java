package dev.sluice.supervisor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;

/**
 * The {@code standby} start method, the forkserver idea for the JVM: a started, warmed-up stage process waits for
 * the next slot whose process dies or hangs, so that a restart costs no JVM start. A spare can take only a slot
 * whose stage has the JVM options it was started with, so there is one per distinct {@code jvm-options} among the
 * slots still to finish (one in most pipelines). A spare that dies unused is replaced; after
 * {@value #MAX_UNUSED_DEATHS} such deaths in a row for one set of options, restarts of those slots spawn instead.
 */
final class Standby {
    private static final int MAX_UNUSED_DEATHS = 3;

    /** Starts a standby process for slots with these JVM options. */
    interface Launcher {
        ChildProcess launch(List<String> jvmOptions) throws IOException;
    }

    private final Launcher launcher;
    private final Map<List<String>, ChildProcess> spares = new HashMap<>();
    private final Map<List<String>, Integer> unusedDeaths = new HashMap<>();

    Standby(Launcher launcher) {
        this.launcher = launcher;
    }

    /** Whether {@link #keep} would start a spare for one of {@code wanted}. */
    boolean missingAny(Set<List<String>> wanted) {
        return wanted.stream().anyMatch(options -> !spares.containsKey(options) && !givenUp(options));
    }

    /** Starts the spares missing for {@code wanted}, and retires those that no slot still to finish can use. */
    void keep(Set<List<String>> wanted, Logger log) throws IOException {
        for (List<String> options : wanted) {
            if (!spares.containsKey(options) && !givenUp(options)) {
                ChildProcess spare = launcher.launch(options);
                spares.put(options, spare);
                log.info("started a {}", spare.name());
            }
        }
        for (List<String> options : new ArrayList<>(spares.keySet())) {
            if (!wanted.contains(options)) {
                spares.remove(options).retire();
            }
        }
    }

    /** A live spare for a slot with {@code jvmOptions}, no longer a spare; null if there is none. */
    ChildProcess take(List<String> jvmOptions) {
        ChildProcess spare = spares.remove(jvmOptions);
        if (spare == null) {
            return null;
        }
        if (!spare.process.isAlive() || spare.isStopped()) {
            spare.process.destroyForcibly(); // stopped by a signal: it would not run its slot
            return null;
        }
        unusedDeaths.remove(jvmOptions);
        return spare;
    }

    /** After {@code child} exited: true if it was a spare (then it is forgotten, and replaced later). */
    boolean exited(ChildProcess child, Logger log) {
        if (spares.get(child.jvmOptions) != child) {
            return false;
        }
        spares.remove(child.jvmOptions);
        int deaths = unusedDeaths.merge(child.jvmOptions, 1, Integer::sum);
        log.warn("{} exited unused with code {}{}", child.name(), child.process.exitValue(),
                givenUp(child.jvmOptions) ? " (" + deaths + " in a row: slots with jvm-options " + child.jvmOptions
                        + " restart by spawning a JVM from now on)\n" + child.failure(null) : "; it will be replaced");
        return true;
    }

    private boolean givenUp(List<String> jvmOptions) {
        return unusedDeaths.getOrDefault(jvmOptions, 0) >= MAX_UNUSED_DEATHS;
    }
}
