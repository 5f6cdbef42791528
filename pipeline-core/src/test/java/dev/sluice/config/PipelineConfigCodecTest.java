package dev.sluice.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.InvalidObjectException;
import java.io.ObjectOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineConfigCodecTest {
    private static final String DOUBLE = TestStages.Double.class.getName();

    private static PipelineConfig load() {
        String yaml = """
                pipeline: p
                supervision: {start-method: standby, backoff: 30ms}
                defaults: {jvm-options: -Xmx64m}
                stages:
                  - name: in
                    type: numbers
                    options: {from: 1, to: "${to}"}
                  - name: twice
                    class: %s
                    workers: 2
                    inputs: [in]
                    options: {factor: 2, path: data/x.txt, words: [a, b]}
                  - name: out
                    type: total
                    inputs: [twice]
                """.formatted(DOUBLE);
        return ConfigLoader.parse(yaml, Path.of("/pipes/p.yaml"),
                new LoadOptions(Map.of("to", "99"), Map.of(), Path.of("/base"), "run-1", null));
    }

    @Test
    void shouldDecodeWhatTheSupervisorResolvedWithTheStageProcessLoader() throws Exception {
        PipelineConfig config = load();
        ClassLoader stageLoader = new URLClassLoader(new URL[0], getClass().getClassLoader());

        PipelineConfig decoded = PipelineConfigCodec.decode(PipelineConfigCodec.encode(config), stageLoader);

        assertSame(stageLoader, decoded.stageLoader());
        assertEquals(config.supervision(), decoded.supervision());
        assertEquals(config.queues(), decoded.queues());
        assertEquals(config.workDir(), decoded.workDir());
        assertEquals(config.params(), decoded.params());
        StageConfig twice = decoded.stage("twice");
        assertEquals(config.stage("twice").className(), twice.className());
        assertEquals(config.stage("twice").settings().jvmOptions(), twice.settings().jvmOptions());
        assertEquals(2, twice.workers());
        assertEquals(2, twice.options().getLong("factor"));
        assertEquals(Path.of("/base/data/x.txt"), twice.options().getPath("path"));
        assertEquals(java.util.List.of("a", "b"), twice.options().getList("words"));
        assertEquals(99, decoded.stage("in").options().getLong("to"));
        // nothing lost: encoding the decoded configuration gives the same bytes
        assertArrayEquals(PipelineConfigCodec.encode(config), PipelineConfigCodec.encode(decoded));
    }

    @Test
    void shouldRefuseAnythingButConfiguration() throws Exception {
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(serialized)) {
            out.writeObject(new File("/etc/passwd"));
        }
        assertThrows(InvalidObjectException.class,
                () -> PipelineConfigCodec.decode(serialized.toByteArray(), getClass().getClassLoader()));
        // a record or enum tag naming a class outside the configuration package is refused before it is loaded
        for (int tag : new int[] {9, 10}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(tag);
                byte[] name = "java.io.File".getBytes(StandardCharsets.UTF_8);
                out.writeInt(name.length);
                out.write(name);
                out.writeInt(1);
            }
            InvalidObjectException refused = assertThrows(InvalidObjectException.class,
                    () -> PipelineConfigCodec.decode(bytes.toByteArray(), getClass().getClassLoader()));
            assertEquals("java.io.File is not a configuration type", refused.getMessage());
        }
        // truncated bytes
        byte[] encoded = PipelineConfigCodec.encode(load());
        assertThrows(InvalidObjectException.class, () -> PipelineConfigCodec.decode(
                Arrays.copyOf(encoded, encoded.length / 2), getClass().getClassLoader()));
    }
}
