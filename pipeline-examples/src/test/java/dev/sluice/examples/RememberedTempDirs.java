package dev.sluice.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * JUnit's {@code @TempDir} factory for this module (junit-platform.properties), which remembers each directory in the
 * context of the test or class that asked for it, so {@link RunLogsOnFailure} finds the runs a failed test made.
 */
public final class RememberedTempDirs implements TempDirFactory {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RememberedTempDirs.class);

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws Exception {
        Path dir = TempDirFactory.Standard.INSTANCE.createTempDirectory(element, context);
        own(context).add(dir);
        return dir;
    }

    /** The temp directories of a test and of its class (still there: JUnit deletes them after the test's callbacks). */
    static List<Path> of(ExtensionContext context) {
        List<Path> dirs = new ArrayList<>();
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            dirs.addAll(own(c));
        }
        return dirs;
    }

    @SuppressWarnings("unchecked") // the store holds what own() put there
    private static List<Path> own(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(context.getUniqueId(),
                id -> new CopyOnWriteArrayList<Path>(), List.class);
    }
}
