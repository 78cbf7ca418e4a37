package dev.alloydb.jakarta.servers;

/** What the scenario suite needs from one server, booted as its README recipe says. */
public interface ServerUnderTest extends AutoCloseable {
  /** For reports and the support policy, e.g. "WildFly 39.0.1.Final". */
  String name();

  /**
   * Boots the server on 127.0.0.1 (free ports), runs the recipe (the files under src/servers/recipes/<server>/, used
   * verbatim) so that the .rar is deployed with its pools (JNDI jdbc/alloydb: password login; jdbc/alloydb-iam:
   * IAM login), then deploys the given wars. Returns when the wars answer HTTP.
   */
  void start(ServerSetup setup) throws Exception;

  /** http://127.0.0.1:&lt;port&gt;/ of the started server. */
  java.net.URI baseUri();

  /** Undeploys the wars and the resource adapter with the server's own tooling (CLI/asadmin/server.xml edit). */
  void undeployAll() throws Exception;

  /** Stops the server; afterwards no process of it remains. Idempotent. */
  @Override
  void close();
}
