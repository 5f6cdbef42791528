package dev.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClaimSizerTest {
    @Test
    void shouldKeepASetClaimSize() {
        ClaimSizer sizer = new ClaimSizer(8);
        sizer.measured(8, 1_000, 100);
        assertEquals(8, sizer.next());
    }

    @Test
    void shouldStartAtOneThenClaimAboutTwentyMillisecondsOfWorkWithOutputsUnderAMegabyte() {
        ClaimSizer sizer = new ClaimSizer(0);
        assertEquals(1, sizer.next());
        sizer.measured(1, 2_000_000, 100); // 2 ms a document, little output
        assertEquals(10, sizer.next());
        sizer.measured(10, 20_000_000, 10 * 500_000L); // half a megabyte a document (averaged with the past)
        assertEquals(4, sizer.next());
        sizer.measured(2, 10_000_000_000L, 10); // very slow documents
        assertEquals(1, sizer.next());
        ClaimSizer cheap = new ClaimSizer(0);
        cheap.measured(1, 10, 0); // next to nothing a document
        assertEquals(ClaimSizer.MAX_CLAIM, cheap.next());
    }

    @Test
    void shouldPackTheNextDocumentWithTheNextClaimsSize() {
        long value = PackedClaim.pack(123_456_789L, 1000);
        assertEquals(123_456_789L, PackedClaim.nextDoc(value));
        assertEquals(1000, PackedClaim.nextSize(value));
        assertEquals(0, PackedClaim.nextDoc(0));
        assertEquals(0, PackedClaim.nextSize(0));
    }
}
