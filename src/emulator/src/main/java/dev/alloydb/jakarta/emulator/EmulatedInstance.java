package dev.alloydb.jakarta.emulator;

/**
 * One emulated AlloyDB instance: what {@code GetConnectionInfo} returns for it and where its proxy listens.
 *
 * @param uri {@code projects/<P>/locations/<R>/clusters/<C>/instances/<I>}
 * @param privateAddress the {@code ipAddress} (a loopback address)
 * @param publicAddress the {@code publicIpAddress} (a loopback address)
 * @param pscDnsName the {@code pscDnsName}, with the trailing dot as the real API returns it
 * @param proxyPort the port every proxy listener of this instance uses (5433 unless overridden)
 * @param instanceUid the {@code instanceUid}
 */
public record EmulatedInstance(
    String uri,
    String privateAddress,
    String publicAddress,
    String pscDnsName,
    int proxyPort,
    String instanceUid) {

  /** The cluster name ({@code projects/<P>/locations/<R>/clusters/<C>}), the parent of certificate requests. */
  public String clusterName() {
    return uri.substring(0, uri.indexOf("/instances/"));
  }

  /** The PSC DNS name without its trailing dot: what a connector dials. */
  public String pscHost() {
    return pscDnsName.endsWith(".") ? pscDnsName.substring(0, pscDnsName.length() - 1) : pscDnsName;
  }
}
