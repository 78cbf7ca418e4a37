package dev.alloydb.jakarta.emulator;

/** How an Admin API call reached the emulator. */
public enum AdminTransport {
  GRPC_TLS,
  GRPC_PLAINTEXT,
  REST_HTTP,
  REST_HTTPS
}
