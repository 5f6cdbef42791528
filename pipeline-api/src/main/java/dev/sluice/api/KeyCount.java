package dev.sluice.api;

/** A key and how often it was seen: what a combining processor emits and a counting aggregate merges. */
public record KeyCount(String key, long count) {
}
