package dev.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.SharedSemaphore;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Permits of dead holders are taken over; a holder whose pid a later process got again counts as dead. */
class PermitTableTest {
    @Test
    void shouldTakeOverThePermitOfAHolderWhosePidWasReusedButNotOfALiveOne() throws Exception {
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[2 * Long.BYTES]);
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        long liveHolder = PermitTable.holder(parent, 1);
        long reusedPid = liveHolder ^ (1L << 16); // the same pid, another start time: another process
        buffer.putLong(0, liveHolder);
        buffer.putLong(Long.BYTES, reusedPid);
        assertTrue(PermitTable.alive(liveHolder));
        assertFalse(PermitTable.alive(reusedPid));

        PermitTable permits = new PermitTable(buffer, 0, 2);
        SharedSemaphore.Permit taken = permits.tryAcquire();
        assertNotNull(taken);
        assertEquals(liveHolder, buffer.getLong(0), "the live holder keeps its permit");
        assertNull(permits.tryAcquire(), "both permits are held");
        taken.close();
        assertEquals(0, buffer.getLong(Long.BYTES));
    }
}
