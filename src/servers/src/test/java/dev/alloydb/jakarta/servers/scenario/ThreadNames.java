package dev.alloydb.jakarta.servers.scenario;

/** Names of the threads the connector's libraries start when no container hands them its own. */
public final class ThreadNames {

  private ThreadNames() {
  }

  /**
   * Whether {@code name} is one of connector-lib's default scheduler threads ({@code alloydb-connector-*}), gax's
   * default executor threads ({@code Gax-*}) or gRPC's ({@code grpc-*}).
   */
  public static boolean isLibraryThread(String name) {
    return name.startsWith("alloydb-connector-") || name.startsWith("Gax-") || name.startsWith("grpc-");
  }
}
