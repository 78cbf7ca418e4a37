package dev.alloydb.jakarta.benchmark;

/** Admin API calls counted by the emulator, per RPC. */
record AdminCalls(long connectionInfo, long clientCertificate) {

  long total() {
    return connectionInfo + clientCertificate;
  }

  AdminCalls minus(AdminCalls earlier) {
    return new AdminCalls(connectionInfo - earlier.connectionInfo, clientCertificate - earlier.clientCertificate);
  }
}
