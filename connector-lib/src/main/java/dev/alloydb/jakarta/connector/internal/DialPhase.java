package dev.alloydb.jakarta.connector.internal;

/**
 * The steps of one dial, in order. A dial that fails is counted under the step it was in, with the cause names of
 * Google's Go connector where they exist.
 */
enum DialPhase {
  /** Waiting for connection info whose certificate has not expired (a refresh: the Admin API). */
  INFO("admin_api_error", "alloydb.connect.wait_for_info"),
  /** The TCP connect to the server-side proxy. */
  TCP("tcp_error", "alloydb.connect.tcp"),
  /** The TLS 1.3 handshake. */
  TLS("tls_error", "alloydb.connect.tls"),
  /** Getting the OAuth2 token the exchange sends (part of the exchange span). */
  CREDENTIALS("credentials_error", "alloydb.connect.exchange"),
  /** The metadata exchange itself. */
  EXCHANGE("mdx_error", "alloydb.connect.exchange");

  private final String failureCause;
  private final String spanName;

  DialPhase(String failureCause, String spanName) {
    this.failureCause = failureCause;
    this.spanName = spanName;
  }

  /** The {@code status} label of a dial that failed in this step. */
  String failureCause() {
    return failureCause;
  }

  String spanName() {
    return spanName;
  }
}
