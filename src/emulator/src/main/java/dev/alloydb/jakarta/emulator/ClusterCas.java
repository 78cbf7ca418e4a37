package dev.alloydb.jakarta.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One CA per cluster, as in AlloyDB: a client certificate from one cluster is refused by another cluster's
 * instances. Holds each instance's proxy TLS context for the current CA generation.
 */
final class ClusterCas {
  private final List<EmulatedInstance> instances;
  private final Map<String, CertificateAuthority> byCluster = new ConcurrentHashMap<>();
  private final Map<String, ProxyTls> tlsByInstance = new ConcurrentHashMap<>();

  ClusterCas(List<EmulatedInstance> instances) {
    this.instances = List.copyOf(instances);
    rotate();
  }

  /** The current CA of {@code cluster}, or {@code null} if the emulator has no such cluster. */
  CertificateAuthority forCluster(String cluster) {
    return byCluster.get(cluster);
  }

  ProxyTls tls(String instanceUri) {
    return tlsByInstance.get(instanceUri);
  }

  /**
   * New CAs for every cluster. Proxies switch first, then certificate issuance: a certificate from a new CA is
   * never handed out while a proxy still trusts only the old one.
   */
  synchronized void rotate() {
    Map<String, CertificateAuthority> next = new LinkedHashMap<>();
    instances.forEach(i -> next.computeIfAbsent(i.clusterName(), c -> CertificateAuthority.create(clusterLabel(c))));
    Map<String, ProxyTls> tls = new LinkedHashMap<>();
    instances.forEach(i -> tls.put(i.uri(), new ProxyTls(next.get(i.clusterName()), i)));
    tlsByInstance.putAll(tls);
    byCluster.putAll(next);
  }

  private static String clusterLabel(String cluster) {
    return cluster.substring(cluster.lastIndexOf('/') + 1) + ".alloydb-emulator";
  }
}
