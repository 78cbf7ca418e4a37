package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.IpType;
import dev.alloydb.jakarta.connector.IpTypeNotFoundException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The result of one refresh: the instance's addresses, its uid, the client certificate's expiry and the TLS context
 * built once from the client chain, the connector's key and the instance CA. Immutable.
 */
final class ConnectionInfo {
  private final InstanceUri instance;
  private final Map<IpType, String> addresses;
  private final String instanceUid;
  private final Instant expiry;
  private final SSLContext sslContext;

  ConnectionInfo(InstanceUri instance, Map<IpType, String> addresses, String instanceUid, Instant expiry,
      SSLContext sslContext) {
    this.instance = instance;
    this.addresses = addresses.isEmpty() ? Map.of() : new EnumMap<>(addresses);
    this.instanceUid = instanceUid;
    this.expiry = expiry;
    this.sslContext = sslContext;
  }

  /**
   * The address to dial for an IP type (PSC: the DNS name without its trailing dot).
   *
   * @throws IpTypeNotFoundException if the instance has no such address
   */
  String address(IpType type) {
    String address = addresses.get(type);
    if (address == null) {
      throw new IpTypeNotFoundException("[" + instance + "] The instance has no " + type + " address (it has "
          + (addresses.isEmpty() ? "none" : addresses.keySet().toString())
          + "): choose an IP type the instance is configured for", type);
    }
    return address;
  }

  boolean hasAddress(IpType type) {
    return addresses.containsKey(type);
  }

  String instanceUid() {
    return instanceUid;
  }

  /** notAfter of the client certificate. */
  Instant expiry() {
    return expiry;
  }

  SSLContext sslContext() {
    return sslContext;
  }
}
