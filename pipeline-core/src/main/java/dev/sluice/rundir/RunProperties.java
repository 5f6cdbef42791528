package dev.sluice.rundir;

import dev.sluice.config.LoadOptions;
import dev.sluice.config.PipelineConfig;
import dev.sluice.files.FormatVersions;
import dev.sluice.files.PrivateFiles;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code run.properties}: what, besides {@code pipeline.yaml}, a stage process needs to load exactly
 * the configuration its supervisor loaded: the parameters as resolved, the base directory (what
 * relative input paths are resolved against) and the class path of the pipeline's own stages. What a run
 * directory's own place determines (its work directory, {@code ${run-dir}}, {@code ${run-id}}) is derived
 * from where it is now, so a run directory moved elsewhere resumes there.
 */
public final class RunProperties {
    private static final String PARAM = "param.";
    private static final String CLASS_PATH = "class-path";
    /** The format of the run's queues; absent in run directories made before it was recorded (format 1). */
    private static final String QUEUES_FORMAT = "format.queues";
    /** Parameters that follow from the run directory's place, never recorded. */
    private static final java.util.Set<String> DERIVED = java.util.Set.of("run-dir", "run-id");

    private RunProperties() {
    }

    public static void write(RunLayout layout, PipelineConfig config, Path baseDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("base-dir", baseDir.toAbsolutePath().toString());
        p.setProperty("config-file", config.configFile().toAbsolutePath().toString());
        p.setProperty(CLASS_PATH, String.join(File.pathSeparator, config.classPath()));
        p.setProperty(QUEUES_FORMAT, Integer.toString(FormatVersions.QUEUES));
        config.params().forEach((k, v) -> {
            if (!DERIVED.contains(k)) {
                p.setProperty(PARAM + k, v);
            }
        });
        StringWriter out = new StringWriter();
        p.store(out, "Sluice run " + config.runId());
        PrivateFiles.writeString(layout.runProperties(), out.toString());
    }

    private static long parseOrMinus(String number) {
        try {
            return Long.parseLong(number.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The options that reload {@code pipeline.yaml} of this run as it was run. */
    public static LoadOptions read(RunLayout layout) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(layout.runProperties())) {
            p.load(in);
        }
        String queues = p.getProperty(QUEUES_FORMAT, "1");
        if (!queues.equals(Integer.toString(FormatVersions.QUEUES))) {
            throw new IOException(FormatVersions.incompatible(layout.dir(), "queue", parseOrMinus(queues), FormatVersions.QUEUES));
        }
        Map<String, String> params = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(PARAM) && !DERIVED.contains(key.substring(PARAM.length()))) {
                params.put(key.substring(PARAM.length()), p.getProperty(key));
            }
        }
        Path runDir = layout.dir().toAbsolutePath().normalize(); // <work-dir>/<pipeline>/<run-id>
        return new LoadOptions(params, Map.of(), Path.of(p.getProperty("base-dir")),
                runDir.getFileName().toString(), runDir.getParent().getParent(),
                List.of(p.getProperty(CLASS_PATH, "").split(File.pathSeparator)));
    }
}
