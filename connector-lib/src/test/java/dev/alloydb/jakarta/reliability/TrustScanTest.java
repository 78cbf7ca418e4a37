package dev.alloydb.jakarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing in the product's main code trusts all certificates or skips host name checks: no trust manager or host
 * name verifier of its own, no "insecure"/"trust all" helpers, no endpoint identification switched off, and TLS
 * sockets pinned to TLS 1.3. Scans the sources of every module; the patterns are checked against planted samples
 * so the scan itself can fail.
 */
class TrustScanTest {
  private static final Map<String, Pattern> FORBIDDEN = Map.of(
      "a trust manager of its own", Pattern.compile("\\b(X509(Extended)?TrustManager|implements\\s+TrustManager)\\b"),
      "a host name verifier", Pattern.compile("\\bHostnameVerifier\\b"),
      "an insecure trust manager factory", Pattern.compile("\\bInsecureTrustManagerFactory\\b"),
      "a trust-all helper", Pattern.compile("(?i)\\btrust_?all\\w*|TrustSelfSigned|NoopHostname|ALLOW_ALL"),
      "an overridden server check", Pattern.compile("\\bcheckServerTrusted\\b"),
      "endpoint identification switched off",
      Pattern.compile("setEndpointIdentificationAlgorithm\\s*\\(\\s*(null|\"\")\\s*\\)"),
      "a protocol other than TLS 1.3 enabled", Pattern.compile("set(Enabled)?Protocols\\s*\\((?!\\s*new String\\[]\\s*\\{\\s*\"TLSv1\\.3\"\\s*}\\s*\\))"));
  private static final List<String> MODULES = List.of("connector-lib", "connector-rar", "sample-war");

  @Test
  void mainCodeNeverTrustsAllCertificates() {
    List<Path> sources = mainSources();
    assertThat(sources).as("main sources scanned").hasSizeGreaterThan(20);
    List<String> findings = new ArrayList<>();
    for (Path source : sources) {
      findings.addAll(scan(source.toString(), read(source)));
    }
    assertThat(findings).isEmpty();
  }

  @Test
  void dialerVerifiesTheServerAgainstTheInstanceCaOverTls13Only() {
    String dialer = read(root().resolve(
        "connector-lib/src/main/java/dev/alloydb/jakarta/connector/internal/Dialer.java"));
    assertThat(dialer).contains("setEndpointIdentificationAlgorithm(\"HTTPS\")")
        .contains("setProtocols(new String[] {\"TLSv1.3\"})");
    String contexts = read(root().resolve(
        "connector-lib/src/main/java/dev/alloydb/jakarta/connector/internal/TlsContexts.java"));
    assertThat(contexts).contains("TrustManagerFactory.getInstance(\"PKIX\")")
        .contains("setCertificateEntry(\"instance-ca\", ca)");
  }

  @Test
  void theScanCatchesEachForbiddenConstruct() {
    List<String> planted = List.of(
        "class T implements X509TrustManager { }",
        "new X509ExtendedTrustManager() {}",
        "HostnameVerifier v = (h, s) -> true;",
        "InsecureTrustManagerFactory.INSTANCE",
        "SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE)",
        "public void checkServerTrusted(X509Certificate[] c, String a) {}",
        "params.setEndpointIdentificationAlgorithm(null);",
        "params.setEndpointIdentificationAlgorithm(\"\");",
        "tls.setProtocols(new String[] {\"TLSv1.2\", \"TLSv1.3\"});",
        "boolean trustAll = true;");
    for (String sample : planted) {
      assertThat(scan("sample", sample)).as(sample).isNotEmpty();
    }
    assertThat(scan("sample", "params.setProtocols(new String[] {\"TLSv1.3\"});")).isEmpty();
  }

  private static List<String> scan(String name, String text) {
    List<String> findings = new ArrayList<>();
    FORBIDDEN.forEach((what, pattern) -> {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        findings.add(name + ": " + what + " (\"" + m.group() + "\")");
      }
    });
    return findings;
  }

  private static List<Path> mainSources() {
    List<Path> sources = new ArrayList<>();
    for (String module : MODULES) {
      Path main = root().resolve(module).resolve("src/main");
      if (!Files.isDirectory(main)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(main)) {
        files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sources;
  }

  /** The project root: the working directory is the module's directory under Maven, the root in an IDE. */
  private static Path root() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("connector-lib")) ? here : here.getParent();
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
