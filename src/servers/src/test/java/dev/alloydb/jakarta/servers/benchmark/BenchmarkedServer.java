package dev.alloydb.jakarta.servers.benchmark;

import dev.alloydb.jakarta.servers.ServerUnderTest;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One server of the benchmark: its launcher (with the native pool), the JDK it runs on and the JNDI names of its two
 * pools, the resource adapter's (from the server's adapter recipe) and its own JDBC pool's (its native recipe).
 *
 * @param id short name, for {@code -Dservers.benchmark.only} and the work directory
 * @param launcher a new, not yet started launcher
 */
record BenchmarkedServer(String id, Supplier<ServerUnderTest> launcher, Path javaHome, String adapterJndi,
    String nativeJndi) {}
