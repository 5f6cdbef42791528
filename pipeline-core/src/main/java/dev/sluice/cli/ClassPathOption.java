package dev.sluice.cli;

/** What {@code --class-path} means, said once for run, validate and resume. */
final class ClassPathOption {
    static final String DESCRIPTION = "where your own stage classes are: directories, jars or dir/* (every jar in"
            + " dir), separated by ':' (';' on Windows) as for java -cp; repeatable. Every stage JVM gets them after"
            + " Sluice's own class path; validation and --in-process load from them.";

    private ClassPathOption() {
    }
}
