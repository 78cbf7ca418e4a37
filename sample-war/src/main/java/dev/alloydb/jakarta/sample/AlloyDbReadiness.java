package dev.alloydb.jakarta.sample;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the AlloyDB connector holds a client certificate that has not expired for every instance it has
 * connected to; DOWN, with the instance and the last refresh error, when it has none (the Admin API was down when
 * the pool started, or refused the credentials). Reads the connector's MBeans by their documented names, so the
 * application needs no class of the connector. An instance the connector has not dialled yet does not count:
 * readiness must not keep traffic, and with it the first connect, away. Liveness does not look at AlloyDB at all.
 */
@Readiness
@ApplicationScoped
public class AlloyDbReadiness implements HealthCheck {
  static final String NAME = "alloydb";
  private static final String INSTANCES = "dev.alloydb.jakarta:type=ConnectorInstance,*";

  @Override
  public HealthCheckResponse call() {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
    try {
      Set<ObjectName> names = new TreeSet<>(server.queryNames(new ObjectName(INSTANCES), null));
      int n = 0;
      for (ObjectName name : names) {
        String prefix = names.size() == 1 ? "" : "instance" + (++n) + ".";
        String instance = (String) server.getAttribute(name, "InstanceUri");
        String state = (String) server.getAttribute(name, "State");
        response.withData(prefix + "instance", instance).withData(prefix + "state", state);
        if ("READY".equals(state)) {
          long expiry = (Long) server.getAttribute(name, "CertificateExpiryEpochSeconds");
          response.withData(prefix + "certificateExpiry", Instant.ofEpochSecond(expiry).toString());
        } else {
          response.down().withData(prefix + "lastError", (String) server.getAttribute(name, "LastError"));
        }
      }
      return response.build();
    } catch (JMException | RuntimeException e) {
      return HealthCheckResponse.named(NAME).down().withData("error", "cannot read the connector's MBeans: "
          + e.getClass().getSimpleName()).build();
    }
  }
}
