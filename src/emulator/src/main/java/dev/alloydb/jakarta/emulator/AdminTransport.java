package dev.alloydb.jakarta.emulator;

/** How an Admin API call reached the emulator. */
public enum AdminTransport {
  /** gRPC over TLS. */
  GRPC_TLS,
  /** gRPC in plaintext. */
  GRPC_PLAINTEXT,
  /** REST over plain HTTP. */
  REST_HTTP,
  /** REST over HTTPS. */
  REST_HTTPS
}
