package dev.sluice.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
    @Test
    void shouldReadKilobyteLines() {
        String status = "Name:\tjava\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n";

        assertEquals(102400, ProcessMemory.kilobytes(status, "VmRSS:"));
        assertEquals(204800, ProcessMemory.kilobytes(status, "VmHWM:"));
        assertEquals(0, ProcessMemory.kilobytes(status, "VmSwap:"));
    }

    @Test
    void shouldReadThisProcessFromProc() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc on this system");

        ProcessMemory memory = ProcessMemory.of(ProcessHandle.current().pid());

        assertTrue(memory.rssBytes() > 0 && memory.peakBytes() >= memory.rssBytes(), memory.toString());
        assertNull(ProcessMemory.of(Long.MAX_VALUE));
    }
}
