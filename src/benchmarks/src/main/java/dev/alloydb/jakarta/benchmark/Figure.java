package dev.alloydb.jakarta.benchmark;

/**
 * One measured figure.
 *
 * @param id stable key used by comparisons and in the results files, e.g. {@code warm.ours.median}
 * @param section the benchmark it belongs to (1 to 5, as numbered in src/docs/benchmarks.md)
 * @param label what it is, for people
 * @param value the figure
 * @param unit its unit ({@code ms}, {@code ops/s}, {@code calls}, {@code MB}, {@code KiB})
 */
record Figure(String id, String section, String label, double value, String unit) {}
