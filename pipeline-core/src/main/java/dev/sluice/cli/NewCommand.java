package dev.sluice.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice new NAME}: a ready project of one's own stages, built with Maven, run with {@code ./run}. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Write a new project of your own stages into the directory NAME: a pom.xml depending on "
                + "pipeline-api (and the test kit for tests), a sample Processor and Aggregate, pipeline.yaml that runs "
                + "them after the built-in lines source, a test (TestPipeline), and ./run, which runs the pipeline with "
                + "the project's classes. Then: cd NAME && mvn package && ./run")
final class NewCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "the project's directory and artifactId: letters, digits, _ . -")
    String name;

    @Option(names = "--package", paramLabel = "P",
            description = "the Java package of the stages (default com.example.<NAME's letters and digits>)")
    String packageName;

    @Override
    public Integer call() throws IOException {
        if (!ProjectTemplate.NAME.matcher(name).matches()) {
            System.err.println("sluice new: NAME '" + name + "' must start with a letter, then letters, digits, _ . -");
            return SluiceCli.BAD_USAGE;
        }
        String pkg = packageName != null ? packageName : ProjectTemplate.defaultPackage(name);
        if (!ProjectTemplate.PACKAGE.matcher(pkg).matches()) {
            System.err.println("sluice new: --package '" + pkg + "' is not a Java package name (lower case, dot-separated)");
            return SluiceCli.BAD_USAGE;
        }
        Path dir = Path.of(name).toAbsolutePath();
        if (Files.exists(dir) && !isEmptyDirectory(dir)) {
            System.err.println("sluice new: " + dir + " already exists and is not empty");
            return SluiceCli.BAD_USAGE;
        }
        String home = System.getProperty("sluice.home");
        new ProjectTemplate(name, pkg).writeTo(dir, home != null ? home + "/bin/sluice" : "sluice");
        System.out.println("wrote project " + name + " (package " + pkg + ") in " + dir);
        System.out.println("next: cd " + name + " && mvn package && ./run");
        return SluiceCli.OK;
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
