package dev.alloydb.jakarta.emulator;

/** The Admin API calls the emulator serves ({@code AlloyDBAdmin} of each {@link AdminApiVersion}, gRPC and REST). */
public enum AdminRpc {
  /** {@code GetConnectionInfo}: parent is an instance name. */
  GET_CONNECTION_INFO,
  /** {@code GenerateClientCertificate}: parent is a cluster name. */
  GENERATE_CLIENT_CERTIFICATE
}
