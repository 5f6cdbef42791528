package dev.sluice.counters;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** How counter keys are laid out: up to three ints at offsets 0, 4, 8. */
final class CounterKeys {
    private CounterKeys() {
    }

    static void put(MutableDirectBuffer key, int... ints) {
        for (int i = 0; i < ints.length; i++) {
            key.putInt(i * 4, ints[i]);
        }
    }

    static int get(DirectBuffer key, int index) {
        return key.getInt(index * 4);
    }
}
