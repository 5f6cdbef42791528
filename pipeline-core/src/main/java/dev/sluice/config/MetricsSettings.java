package dev.sluice.config;

/**
 * The {@code metrics:} section: whether stages record per-document latency histograms (HdrHistogram
 * interval logs under {@code metrics/}), and how often those logs get an interval and the supervisor
 * samples the run's timeline. Counters in {@code control.dat} are always kept.
 */
public record MetricsSettings(boolean histograms, long intervalMillis) {
    public static final MetricsSettings DEFAULT = new MetricsSettings(true, 1_000);
}
