package dev.alloydb.jakarta.servers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ServerUnderTest} deploys and how: the built .rar, the wars (deployed after the .rar and its pools),
 * the adapter's MicroProfile Config keys for the emulator ({@code alloydb.instance-uri}, {@code alloydb.database},
 * {@code alloydb.user}, {@code alloydb.password}, {@code alloydb.admin-service-endpoint},
 * {@code alloydb.credentials-file}, {@code alloydb.iam-user}, ...), passed the way the server's recipe says, a
 * work directory under target/ and the JDK the server runs on.
 */
public record ServerSetup(Path rar, List<Path> wars, Map<String, String> alloydbConfig, Path workDir,
    Path javaHome) {

  /** Copies the lists, so that a setup cannot change once made. */
  public ServerSetup {
    wars = List.copyOf(wars);
    alloydbConfig = Map.copyOf(alloydbConfig);
  }
}
