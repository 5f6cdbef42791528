package dev.sluice.supervisor;

/** Compact number formatting for progress and status lines. */
public final class Counts {
    private Counts() {
    }

    public static String human(double n) {
        if (n >= 1e9) {
            return String.format("%.2fG", n / 1e9);
        }
        if (n >= 1e6) {
            return String.format("%.2fM", n / 1e6);
        }
        if (n >= 1e4) {
            return String.format("%.1fk", n / 1e3);
        }
        return String.valueOf(Math.round(n));
    }
}
