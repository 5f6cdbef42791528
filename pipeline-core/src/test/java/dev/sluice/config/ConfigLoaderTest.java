package dev.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Path FILE = Path.of("/pipes/p.yaml");
    private static final String DOUBLE = TestStages.Double.class.getName();
    private static final String MERGING = TestStages.MergingTotal.class.getName();

    private static PipelineConfig load(String yaml, Map<String, String> params, Map<String, String> env) {
        return ConfigLoader.parse(yaml, FILE, new LoadOptions(params, env, Path.of("/base"), "run-1", null));
    }

    private static PipelineConfig load(String yaml) {
        return load(yaml, Map.of(), Map.of());
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml)).getMessage();
    }

    private static String pipeline(String doubleStage) {
        return "pipeline: p\nstages:\n  - name: in\n    type: numbers\n" + doubleStage
                + "  - name: out\n    type: total\n    inputs: [twice]\n";
    }

    @Test
    void shouldApplyDefaultsAndResolveAutoWorkers() {
        PipelineConfig config = load("""
                pipeline: p
                defaults: {batch-max: 64, jvm-options: -Xmx64m}
                stages:
                  - {name: in, type: numbers}
                  - name: twice
                    class: %s
                    inputs: in
                    jvm-options: [-Xss1m]
                  - {name: out, type: total, inputs: [twice], ordered: true, idle: yield}
                """.formatted(DOUBLE));

        StageConfig twice = config.stage("twice");
        assertEquals(StageKind.PARALLEL, twice.kind());
        assertEquals(Runtime.getRuntime().availableProcessors(), twice.workers());
        assertEquals(List.of("in"), twice.inputs());
        assertEquals(64, twice.settings().batchMax());
        assertEquals(List.of("-Xmx64m", "-Xss1m"), twice.settings().jvmOptions());
        assertEquals(IdleMode.BACKOFF, twice.settings().idle());
        assertEquals(IdleMode.YIELD, config.stage("out").settings().idle());
        assertTrue(config.stage("out").ordered());
        assertEquals(Path.of("/base/sluice-runs/p/run-1"), config.runDirectory());
        assertEquals("/pipes/p.yaml:5:5", twice.location());
    }

    @Test
    void shouldTypeEverySettingOnceWhereDefaultsAndStagesShareOneReading() {
        PipelineConfig config = load("""
                pipeline: p
                supervision: {start-method: standby}
                queues: {roll-cycle: 5m}
                shared:
                  - {name: seen, type: map, key: long, value: double}
                  - {name: gate, type: lock}
                defaults: {on-error: skip, hang-timeout: 2s, max-lag: 50}
                stages:
                  - {name: in, type: numbers}
                  - {name: twice, class: %s, inputs: in, on-error: dead-letter, idle: busy-spin}
                  - {name: out, type: total, inputs: [twice]}
                """.formatted(DOUBLE));

        assertEquals(StartMethod.STANDBY, config.supervision().startMethod());
        assertEquals(QueueRollCycle.FIVE_MINUTELY, config.queues().rollCycle());
        assertEquals(List.of(SharedType.MAP, SharedType.LOCK), config.shared().stream().map(SharedConfig::type).toList());
        assertEquals(SharedMapType.LONG, config.shared().get(0).keyType());
        assertEquals(SharedMapType.DOUBLE, config.shared().get(0).valueType());
        StageSettings twice = config.stage("twice").settings();
        assertEquals(ErrorPolicy.DEAD_LETTER, twice.onError());
        assertEquals(IdleMode.BUSY_SPIN, twice.idle());
        assertEquals(2_000, twice.hangTimeoutMillis());
        assertEquals(50, twice.maxLag());
        assertEquals(ErrorPolicy.SKIP, config.stage("out").settings().onError());
        assertEquals(StageSettings.DEFAULT.idle(), config.stage("out").settings().idle());
        assertEquals(StageSettings.DEFAULT, load(pipeline("  - {name: twice, class: " + DOUBLE + ", inputs: [in]}\n"))
                .stage("out").settings());

        String message = error("defaults: {on-error: retry}\nqueues: {roll-cycle: 2h}\n"
                + pipeline("  - {name: twice, class: " + DOUBLE + ", inputs: [in], idle: nap}\n"));
        assertTrue(message.contains("/pipes/p.yaml:1:22: on-error: expected fail, dead-letter or skip, got 'retry'"), message);
        assertTrue(message.contains("/pipes/p.yaml:2:22: roll-cycle: expected 1s, 5m, 1h or 1d, got '2h'"), message);
        assertTrue(message.contains("idle: expected busy-spin, yield, backoff, adaptive or sleep, got 'nap'"), message);
    }

    @Test
    void shouldReadTheFlinkSectionWithDefaultsAndLocateItsMistakes() {
        assertEquals(FlinkSettings.DEFAULT, load(pipeline("  - {name: twice, class: " + DOUBLE + ", inputs: [in]}\n")).flink());
        PipelineConfig config = load("flink: {checkpoint-interval: 250ms, checkpoint-dir: s3://b/p}\n"
                + pipeline("  - {name: twice, class: " + DOUBLE + ", inputs: [in]}\n"));
        assertEquals(new FlinkSettings(250, "s3://b/p"), config.flink());

        String message = error("flink: {checkpoint-interval: often, savepoints: x}\n"
                + pipeline("  - {name: twice, class: " + DOUBLE + ", inputs: [in]}\n"));
        assertTrue(message.contains("/pipes/p.yaml:1:30: checkpoint-interval: expected a duration"), message);
        assertTrue(message.contains("/pipes/p.yaml:1:37: unknown key 'savepoints' in flink"), message);
    }

    @Test
    void shouldSortStagesSoInputsComeFirst() {
        PipelineConfig config = load("""
                pipeline: p
                stages:
                  - {name: out, type: total, inputs: [twice]}
                  - {name: twice, class: %s, inputs: [in], workers: 2}
                  - {name: in, type: numbers}
                """.formatted(DOUBLE));

        assertEquals(List.of("in", "twice", "out"), config.stages().stream().map(StageConfig::name).toList());
    }

    @Test
    void shouldLocateMalformedYaml() {
        assertTrue(error("pipeline: p\nstages:\n  - name: [in\n").startsWith("/pipes/p.yaml:4:1: "),
                error("pipeline: p\nstages:\n  - name: [in\n"));
    }

    @Test
    void shouldLocateAnUnknownKeyAtTheKey() {
        String message = error(pipeline("  - name: twice\n    class: " + DOUBLE + "\n    wokers: 2\n    inputs: [in]\n"));
        assertTrue(message.startsWith("/pipes/p.yaml:7:5: unknown key 'wokers' in a stage; expected one of"), message);
    }

    @Test
    void shouldReportEveryProblemAtOnceInFileOrder() {
        String message = error("""
                pipeline: p
                stages:
                  - {name: in, type: numberz}
                  - {name: twice, class: %s, inputs: [missing], workers: lots}
                """.formatted(DOUBLE));
        List<String> lines = message.lines().toList();
        assertEquals(2, lines.size(), message);
        assertTrue(lines.get(0).startsWith("/pipes/p.yaml:3:22: unknown stage type 'numberz'; built-in types: numbers, total"), message);
        assertTrue(lines.get(1).matches("/pipes/p.yaml:4:\\d+: workers: expected a whole number >= 1 or 'auto', got 'lots'"), message);
    }

    @Test
    void shouldRejectAnUnknownInput() {
        String message = error(pipeline("  - {name: twice, class: " + DOUBLE + ", inputs: [nowhere]}\n"));
        assertTrue(message.matches("/pipes/p.yaml:5:\\d+: stage 'twice' reads unknown stage 'nowhere'; stages: in, twice, out"), message);
    }

    @Test
    void shouldRejectACycle() {
        String message = error("""
                pipeline: p
                stages:
                  - {name: in, type: numbers}
                  - {name: a, class: %1$s, inputs: [in, b]}
                  - {name: b, class: %1$s, inputs: [a]}
                """.formatted(DOUBLE));
        assertTrue(message.contains("stages form a cycle: a -> b -> a"), message);
    }

    @Test
    void shouldRejectBadNumbers() {
        assertTrue(error(pipeline("  - {name: twice, class: " + DOUBLE + ", inputs: [in], workers: abc}\n"))
                .matches("/pipes/p.yaml:5:\\d+: workers: expected a whole number >= 1 or 'auto', got 'abc'"));
        assertTrue(error(pipeline("  - {name: twice, class: " + DOUBLE + ", inputs: [in], batch-max: 0}\n"))
                .contains("batch-max: expected a whole number from 1 to 1000000, got '0'"));
    }

    @Test
    void shouldRejectClassesThatCannotBeStages() {
        assertTrue(error(pipeline("  - {name: twice, class: com.example.Nope, inputs: [in]}\n"))
                .contains(":5:26: class 'com.example.Nope' not found on the class path"));
        assertTrue(error(pipeline("  - {name: twice, class: " + TestStages.NotAStage.class.getName() + ", inputs: [in]}\n"))
                .contains("is not a Source, Processor or Aggregate"));
    }

    @Test
    void shouldRejectADeclaredKindThatDoesNotMatchTheClass() {
        String message = error(pipeline("  - {name: twice, kind: source, class: " + DOUBLE + ", inputs: [in]}\n"));
        assertTrue(message.contains("is declared source but " + DOUBLE + " is a Processor (parallel)"), message);
    }

    @Test
    void shouldRejectReadingAnAggregate() {
        String message = error("""
                pipeline: p
                stages:
                  - {name: in, type: numbers}
                  - {name: sum, type: total, inputs: [in]}
                  - {name: again, type: total, inputs: [sum]}
                """);
        assertTrue(message.contains("stage 'again' reads 'sum', an aggregate, which writes no queue"), message);
    }

    @Test
    void shouldFillParametersFromSetThenEnvironmentThenDefaults() {
        String yaml = """
                pipeline: p
                stages:
                  - name: in
                    type: numbers
                    options: {a: "${a}", b: "${b:-x}", c: "${c:-${config-dir}/in.txt}", d: "${run-dir}/out"}
                """;
        PipelineConfig config = load(yaml, Map.of("a", "from-set"), Map.of("a", "from-env", "b", "env-b"));

        var options = config.stage("in").options();
        assertEquals("from-set", options.getString("a"));
        assertEquals("env-b", options.getString("b"));
        assertEquals("/pipes/in.txt", options.getString("c"));
        assertEquals("/base/sluice-runs/p/run-1/out", options.getString("d"));

        var reloaded = load(yaml, config.params(), Map.of()).stage("in").options();
        for (String key : List.of("a", "b", "c", "d")) {
            assertEquals(options.getString(key), reloaded.getString(key));
        }
    }

    @Test
    void shouldLocateAMissingParameter() {
        String message = error("pipeline: p\nstages:\n  - {name: in, type: numbers, options: {path: \"${input}\"}}\n");
        assertTrue(message.startsWith("/pipes/p.yaml:3:47: parameter 'input' has no value: pass --set input=VALUE"),
                message);
    }

    @Test
    void shouldRejectTagsAnchorsAndDuplicateKeys() {
        assertTrue(error("pipeline: !!java.lang.Object p\nstages: []\n").contains(":1:11: tags are not allowed"),
                error("pipeline: !!java.lang.Object p\nstages: []\n"));
        assertTrue(error("pipeline: &n p\nstages: []\n").contains("anchors and aliases are not supported"));
        assertTrue(error("pipeline: p\npipeline: q\nstages: [{name: in, type: numbers}]\n")
                .contains(":2:1: duplicate key 'pipeline'"));
    }

    @Test
    void shouldGiveTypedOptionsWithLocatedErrors() {
        var options = load("""
                pipeline: p
                stages:
                  - name: in
                    type: numbers
                    options:
                      n: 1_000
                      x: 2.5
                      flag: true
                      files: [a.txt, b.txt]
                      bad: abc
                      path: data/in.txt
                """).stage("in").options();

        assertEquals(1000, options.getLong("n"));
        assertEquals(7, options.getLong("missing", 7));
        assertEquals(2.5, options.getDouble("x", 0));
        assertTrue(options.getBoolean("flag", false));
        assertEquals(List.of("a.txt", "b.txt"), options.getList("files"));
        assertEquals(Path.of("/base/data/in.txt"), options.getPath("path"));
        assertEquals("/pipes/p.yaml:10:12: stage 'in' option 'bad': expected a whole number, got 'abc'",
                assertThrows(ConfigException.class, () -> options.getLong("bad")).getMessage());
        assertEquals("/pipes/p.yaml:6:7: stage 'in': missing option 'gone'",
                assertThrows(ConfigException.class, () -> options.getString("gone")).getMessage());
    }

    @Test
    void shouldRunAPartitionedAggregateAsOneProcessPerPartitionAndAdaptClaimsUnlessSet() {
        PipelineConfig config = load("""
                pipeline: p
                stages:
                  - {name: in, type: numbers}
                  - {name: twice, class: %s, inputs: [in], claim-size: 8}
                  - {name: twice-auto, class: %1$s, inputs: [in]}
                  - {name: out, class: %2$s, inputs: [twice, twice-auto], partitions: 3}
                """.formatted(DOUBLE, MERGING));

        assertEquals(3, config.stage("out").partitions());
        assertEquals(3, config.stage("out").workers());
        assertEquals(1, config.stage("in").partitions());
        assertEquals(8, config.stage("twice").settings().claimSize());
        assertEquals(StageSettings.AUTO_CLAIM, config.stage("twice-auto").settings().claimSize());
    }

    @Test
    void shouldRejectPartitionsThatCannotWork() {
        assertTrue(error(pipeline("  - {name: twice, class: " + DOUBLE + ", inputs: [in], partitions: 2}\n"))
                .contains("'partitions' applies only to aggregate stages"));
        String notMerging = error("pipeline: p\nstages:\n  - {name: in, type: numbers}\n"
                + "  - {name: out, type: total, inputs: [in], partitions: 2}\n");
        assertTrue(notMerging.matches("(?s)/pipes/p.yaml:4:\\d+: partitions: .*Total cannot merge partitions' states.*"),
                notMerging);
        String disagree = error("""
                pipeline: p
                stages:
                  - {name: in, type: numbers}
                  - {name: a, class: %1$s, inputs: [in], partitions: 2}
                  - {name: b, class: %1$s, inputs: [in], partitions: 3}
                """.formatted(MERGING));
        assertTrue(disagree.contains("stage 'in' is read by 'a' with 2 partitions and by 'b' with 3"), disagree);
        assertTrue(error("pipeline: p\nstages:\n  - {name: in, type: numbers}\n"
                + "  - {name: out, class: " + MERGING + ", inputs: [in], partitions: 2, embedded: true}\n")
                .contains("embedded: a partitioned aggregate runs one process per partition"));
        assertTrue(error(pipeline("  - {name: twice, class: " + DOUBLE + ", inputs: [in], claim-size: lots}\n"))
                .contains("claim-size: expected auto or a whole number from 1 to 1048575, got 'lots'"));
    }

    @Test
    void shouldLocateAnAliasBombAtItsFirstAnchor() {
        StringBuilder bomb = new StringBuilder("pipeline: p\nbomb:\n  a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char previous = (char) (c - 1);
            bomb.append("  ").append(c).append(": &").append(c);
            bomb.append(" [*").append(previous).append(", *").append(previous).append(", *").append(previous)
                    .append(", *").append(previous).append(", *").append(previous).append(", *").append(previous)
                    .append("]\n");
        }
        bomb.append("stages: [{name: in, type: numbers}]\n");

        String message = error(bomb.toString());

        assertTrue(message.startsWith("/pipes/p.yaml:3:6: anchors and aliases are not supported"), message);
    }

    @Test
    void shouldSayWhereAPipelineFileIsNotUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("binary.yaml");
        byte[] text = "pipeline: p\nstages:\n  - {name: caf\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(text, text.length + 3);
        bytes[text.length] = (byte) 0xff;
        bytes[text.length + 1] = (byte) 0xfe;
        bytes[text.length + 2] = 0;
        Files.write(file, bytes);

        String message = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(file, new LoadOptions(Map.of(), Map.of(), dir, "run-1", null))).getMessage();

        assertEquals(file + ":3:16: not UTF-8 text (byte 0xff at offset " + text.length
                + "); a pipeline file must be UTF-8 YAML", message);
    }
}
