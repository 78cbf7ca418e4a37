package dev.alloydb.jakarta.ra.config;

import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.connector.IpType;
import dev.alloydb.jakarta.connector.RefreshStrategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The validated, typed settings of one connection pool. Built once by {@link SettingsResolver}; immutable.
 *
 * @param instanceUri full instance URI
 * @param ipType address type to dial
 * @param enableIamAuth whether to log in as the credentials' IAM principal
 * @param user default database user
 * @param password default password, or {@code null}
 * @param database database name
 * @param refreshStrategy certificate refresh strategy
 * @param adminServiceEndpoint Admin API endpoint, or {@code null} for Google's
 * @param quotaProject quota project, or {@code null}
 * @param credentialsFile credentials file, or {@code null} for Application Default Credentials
 * @param targetPrincipal service account to impersonate, or {@code null}
 * @param delegates impersonation delegation chain
 */
public record AdapterSettings(
    String instanceUri,
    IpType ipType,
    boolean enableIamAuth,
    String user,
    String password,
    String database,
    RefreshStrategy refreshStrategy,
    String adminServiceEndpoint,
    String quotaProject,
    Path credentialsFile,
    String targetPrincipal,
    List<String> delegates) {

  private static final String USER_AGENT_SUFFIX = "jakarta-ra";

  /** Canonical constructor; copies the delegate list. */
  public AdapterSettings {
    delegates = List.copyOf(delegates);
  }

  /**
   * The connector-wide part of these settings. Per-connection values (user, IP type, IAM) are left out so pools
   * that differ only in them share one connector and its certificate cache.
   */
  public ConnectorConfig connectorConfig(ConnectorScheduler scheduler) {
    ConnectorConfig.Builder builder = ConnectorConfig.builder()
        .refreshStrategy(refreshStrategy)
        .userAgentSuffix(USER_AGENT_SUFFIX)
        .scheduler(scheduler);
    if (adminServiceEndpoint != null) {
      builder.adminServiceEndpoint(adminServiceEndpoint);
    }
    if (quotaProject != null) {
      builder.quotaProject(quotaProject);
    }
    if (credentialsFile != null) {
      builder.credentialsFile(credentialsFile);
    }
    if (targetPrincipal != null) {
      builder.targetPrincipal(targetPrincipal);
      builder.delegates(delegates);
    }
    return builder.build();
  }

  /** The {@code Connector.connect} properties for one login. */
  public Properties connectionProperties(String loginUser, String loginPassword) {
    Properties info = new Properties();
    info.setProperty("user", loginUser);
    if (loginPassword != null && !enableIamAuth) {
      info.setProperty("password", loginPassword);
    }
    info.setProperty("database", database);
    info.setProperty("ipType", ipType.name());
    info.setProperty("enableIamAuth", Boolean.toString(enableIamAuth));
    return info;
  }

  // equals, hashCode and toString are written out: the generated ones link through java.lang.runtime.ObjectMethods,
  // whose shared method handles on JDK 17 keep the last type adapted to them, and so this adapter's class loader
  // after undeploy (JDK-8078641, fixed in JDK 18).
  @Override
  public boolean equals(Object other) {
    return other instanceof AdapterSettings that && enableIamAuth == that.enableIamAuth
        && Objects.equals(instanceUri, that.instanceUri) && ipType == that.ipType && Objects.equals(user, that.user)
        && Objects.equals(password, that.password) && Objects.equals(database, that.database)
        && refreshStrategy == that.refreshStrategy
        && Objects.equals(adminServiceEndpoint, that.adminServiceEndpoint)
        && Objects.equals(quotaProject, that.quotaProject) && Objects.equals(credentialsFile, that.credentialsFile)
        && Objects.equals(targetPrincipal, that.targetPrincipal) && delegates.equals(that.delegates);
  }

  @Override
  public int hashCode() {
    return Objects.hash(instanceUri, ipType, enableIamAuth, user, password, database, refreshStrategy,
        adminServiceEndpoint, quotaProject, credentialsFile, targetPrincipal, delegates);
  }

  @Override
  public String toString() {
    return "AdapterSettings[instanceUri=" + instanceUri + ", ipType=" + ipType + ", enableIamAuth="
        + enableIamAuth + ", user=" + user + ", password=" + (password == null ? "<unset>" : "<masked>")
        + ", database=" + database + ", refreshStrategy=" + refreshStrategy + ", adminServiceEndpoint="
        + adminServiceEndpoint + ", quotaProject=" + quotaProject + ", credentialsFile=" + credentialsFile
        + ", targetPrincipal=" + targetPrincipal + ", delegates=" + delegates + "]";
  }
}
