package dev.sluice.runtime;

import dev.sluice.config.LoadOptions;
import dev.sluice.config.PipelineConfig;
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
 * the configuration its supervisor loaded: the parameters as resolved, the base directory, the
 * work directory and the class path of the pipeline's own stages.
 */
public final class RunProperties {
    private static final String PARAM = "param.";
    private static final String CLASS_PATH = "class-path";

    private RunProperties() {
    }

    public static void write(RunLayout layout, PipelineConfig config, Path baseDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("base-dir", baseDir.toAbsolutePath().toString());
        p.setProperty("work-dir", config.workDir().toString());
        p.setProperty("config-file", config.configFile().toAbsolutePath().toString());
        p.setProperty(CLASS_PATH, String.join(File.pathSeparator, config.classPath()));
        config.params().forEach((k, v) -> p.setProperty(PARAM + k, v));
        StringWriter out = new StringWriter();
        p.store(out, "Sluice run " + config.runId());
        PrivateFiles.writeString(layout.runProperties(), out.toString());
    }

    /** The options that reload {@code pipeline.yaml} of this run as it was run. */
    public static LoadOptions read(RunLayout layout) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(layout.runProperties())) {
            p.load(in);
        }
        Map<String, String> params = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(PARAM)) {
                params.put(key.substring(PARAM.length()), p.getProperty(key));
            }
        }
        Path runDir = layout.dir().toAbsolutePath();
        return new LoadOptions(params, Map.of(), Path.of(p.getProperty("base-dir")),
                runDir.getFileName().toString(), Path.of(p.getProperty("work-dir")),
                List.of(p.getProperty(CLASS_PATH, "").split(File.pathSeparator)));
    }
}
