package dev.sluice.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCountersTest {
    @TempDir
    Path dir;

    @Test
    void shouldShareSlotAndClaimCountersBetweenMappings() {
        Path file = dir.resolve("control.dat");
        try (RunCounters supervisor = RunCounters.create(file, "wc",
                List.of(new CounterSpec("read", 1, 0), new CounterSpec("tokenize", 2, 1), new CounterSpec("count", 1, 0)));
             RunCounters worker = RunCounters.open(file);
             ControlFile status = ControlFile.open(file, false)) {
            worker.slot(1, 1).get(SlotField.RECORDS_IN).getAndAdd(7);
            worker.slot(1, 1).state(ProcessState.RUNNING);
            assertEquals(0, worker.inputPosition(1, 0).getAndAdd(4));
            assertEquals(4, supervisor.inputPosition(1, 0).get());

            RunSnapshot snapshot = RunSnapshot.read(status.reader());
            assertEquals(4, snapshot.slots().size());
            SlotStatus slot = snapshot.slots().get(2);
            assertEquals("tokenize-1", slot.slotName());
            assertEquals(7, slot.get(SlotField.RECORDS_IN));
            assertEquals(ProcessState.RUNNING, slot.state());
            assertEquals(7, snapshot.sum("tokenize", SlotField.RECORDS_IN));
        }
    }

    @Test
    void shouldRefuseAFileThatIsNotAControlFile() throws Exception {
        Path file = dir.resolve("other.dat");
        Files.write(file, new byte[8192]);

        assertThrows(IllegalStateException.class, () -> ControlFile.open(file, false));
    }

    @Test
    void shouldSayAControlFileOfAnotherFormatVersionWasMadeByAnIncompatibleSluice() throws Exception {
        Path file = dir.resolve("control.dat");
        RunCounters.create(file, "wc", List.of(new CounterSpec("read", 1, 0))).close();
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {1, 0, 0, 0}), ControlFileDescriptor.VERSION_OFFSET);
        }

        String message = assertThrows(IllegalStateException.class, () -> ControlFile.open(file, false)).getMessage();
        assertEquals(file + " was made by an incompatible Sluice version (control file format 1; this Sluice reads "
                + ControlFileDescriptor.VERSION + "): finish or resume it with the Sluice that started it", message);
    }

    @Test
    void shouldKeyCountersByTheFieldsIdsNotTheirDeclarationOrder() {
        for (SlotField field : SlotField.values()) {
            assertEquals(field, SlotField.byId(field.id()));
        }
        assertEquals(0, SlotField.PID.id());
        assertEquals(48, SlotField.END_TO_END_MAX_NS.id()); // on disk: a field never changes its id
        assertEquals(null, SlotField.byId(SlotField.values().length));
        assertEquals(RunState.COMPLETED, RunState.of(RunState.COMPLETED.code()));
        assertEquals(ProcessState.FAILED, ProcessState.of(4));
    }
}
