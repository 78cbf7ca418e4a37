package dev.alloydb.jakarta.emulator;

/**
 * A moment the emulator marked while serving a client, for tests that assert the order of a connector's steps and
 * for the benchmark's breakdown of a first connection.
 *
 * @param nanos {@link System#nanoTime()} when it happened (the monotonic clock, comparable across the JVMs of one
 *     Linux machine)
 * @param what what happened, e.g. {@code GET_CONNECTION_INFO received}, {@code token issued}, {@code proxy TLS done}
 */
public record TimelineEvent(long nanos, String what) {}
