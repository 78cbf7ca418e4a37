package dev.alloydb.jakarta.emulator;

import com.google.cloud.alloydb.connectors.v1.MetadataExchangeRequest;

/**
 * One TCP connection to an instance's server-side proxy, recorded once the emulator accepted or refused it.
 *
 * @param instanceUri the instance the proxy listener belongs to
 * @param ipType {@code PRIVATE}, {@code PUBLIC} or {@code PSC}: which listener took the connection; {@code ALL}
 *     with a port override, where one listener serves every type
 * @param authType the metadata exchange's auth type, or {@code null} if no exchange request was read
 * @param userAgent the metadata exchange's user agent, empty if none was read
 * @param databaseUser the PostgreSQL startup user, empty if none was read
 * @param outcome what the emulator did with the connection
 * @param detail why it was refused (no secrets), empty when accepted
 */
public record ProxyConnection(
    String instanceUri,
    String ipType,
    MetadataExchangeRequest.AuthType authType,
    String userAgent,
    String databaseUser,
    Outcome outcome,
    String detail) {

  /** What happened to a proxy connection. */
  public enum Outcome {
    /** Exchange and login checks passed; bytes were relayed to PostgreSQL. */
    ACCEPTED,
    /** The TLS handshake failed (no, expired or foreign client certificate, wrong protocol version). */
    REFUSED_TLS,
    /** The metadata exchange was refused (framing, size, token) and an ERROR response was sent. */
    REFUSED_EXCHANGE,
    /** The PostgreSQL login was refused by the emulator (wrong user for the auth type), SQLSTATE 28000. */
    REFUSED_LOGIN,
    /** A fault knob decided the connection's fate (refused, closed, stalled or answered with ERROR). */
    FAULT
  }
}
