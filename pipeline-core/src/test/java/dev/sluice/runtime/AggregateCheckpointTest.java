package dev.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Aggregate;
import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot support is a declared capability: what snapshot() throws is a failure, never "cannot snapshot". */
class AggregateCheckpointTest {
    @TempDir
    Path dir;

    @Test
    void shouldKnowWhetherAnAggregateSnapshotsFromWhatItDeclaresOrOverrides() {
        assertTrue(new Sum().snapshots(), "overrides snapshot()");
        assertFalse(new Plain().snapshots());
        assertTrue(PerRecordStages.aggregate(new Sum()).snapshots(), "through the per-record adapter too");
        assertFalse(PerRecordStages.aggregate(new Plain()).snapshots());
    }

    @Test
    void shouldFailOnAnExceptionFromSnapshotEvenAnUnsupportedOperationAndKeepTheLastSnapshot() throws Exception {
        AggregateCheckpoint checkpoint = new AggregateCheckpoint(dir.resolve("s.snapshot"));
        Sum sum = new Sum();
        sum.accept(41L);
        checkpoint.save(sum, List.of(), new UnorderedMerge(List.of()), 1);

        sum.accept(1L);
        sum.failWith = new UnsupportedOperationException("a bug in the user's snapshot()");
        UnsupportedOperationException thrown = assertThrows(UnsupportedOperationException.class,
                () -> checkpoint.save(sum, List.of(), new UnorderedMerge(List.of()), 2));
        assertSame(sum.failWith, thrown);
        assertFalse(Files.exists(dir.resolve("s.snapshot.tmp")));

        Sum restored = new Sum();
        assertEquals(1, checkpoint.load(restored, List.of(), new UnorderedMerge(List.of())));
        assertEquals(41L, restored.finish(), "the last good snapshot stays");
    }

    /** Sums longs and snapshots its sum. */
    public static final class Sum implements Aggregate<Long> {
        long sum;
        RuntimeException failWith;

        public Codec<Long> inputCodec() { return Codecs.LONG; }

        public void accept(Long value) { sum += value; }

        public Object finish() { return sum; }

        @Override
        public void snapshot(OutputStream out) throws Exception {
            if (failWith != null) {
                throw failWith;
            }
            new DataOutputStream(out).writeLong(sum);
        }

        @Override
        public void restore(InputStream in) throws Exception {
            sum = new DataInputStream(in).readLong();
        }
    }

    /** Keeps no state worth saving: a restart replays its inputs. */
    public static final class Plain implements Aggregate<Long> {
        public Codec<Long> inputCodec() { return Codecs.LONG; }

        public void accept(Long value) { }

        public Object finish() { return 0; }
    }
}
