package dev.alloydb.jakarta.ra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jars the .rar bundles: the Admin API's v1alpha HttpJson path and what it loads, nothing the adapter never
 * loads. The Payara ITs (AdapterOnPayaraIT, RedeployIT, the sample's) deploy this very .rar and connect through it,
 * which proves that what is left out is not needed. Every jar counts: Payara parses each class of each jar in the
 * .rar when it deploys it, before the adapter starts.
 */
class RarContentsIT {
  @Test
  void bundlesTheHttpJsonPathOnly() throws Exception {
    List<String> jars = jarsInRar();
    assertThat(jars).anyMatch(j -> j.startsWith("google-cloud-alloydb-"))
        .anyMatch(j -> j.startsWith("proto-google-cloud-alloydb-v1alpha-"))
        .anyMatch(j -> j.startsWith("gax-httpjson-"))
        .anyMatch(j -> j.startsWith("google-http-client-"))
        .anyMatch(j -> j.startsWith("google-auth-library-oauth2-http-"))
        .anyMatch(j -> j.startsWith("postgresql-"))
        .contains("alloydb-connector.jar");
    assertThat(jars).as("jars the adapter never loads").noneMatch(j -> j.startsWith("grpc-netty")
        || j.startsWith("netty-") || j.startsWith("conscrypt-")
        || j.startsWith("proto-google-cloud-alloydb-v1-") || j.startsWith("proto-google-cloud-alloydb-v1beta-")
        || j.startsWith("proto-google-iam-v1-") || j.startsWith("httpclient-") || j.startsWith("httpcore-")
        || j.startsWith("commons-codec-") || j.startsWith("re2j-") || j.startsWith("threeten-extra-")
        || j.startsWith("gax-grpc-") || j.startsWith("perfmark-api-"))
        .noneMatch(j -> j.matches("(runtime|common|protobuf)-0\\.\\d+\\.\\d+\\.jar"));
  }

  @Test
  void bundlesNoCompileTimeAnnotationJars() throws Exception {
    List<String> jars = jarsInRar();
    assertThat(jars).as("annotations the JVM ignores when missing, and the empty listenablefuture marker")
        .noneMatch(j -> j.startsWith("jsr305-") || j.startsWith("error_prone_annotations-")
            || j.startsWith("j2objc-annotations-") || j.startsWith("checker-qual-")
            || j.startsWith("auto-value-annotations-") || j.startsWith("jspecify-")
            || j.startsWith("animal-sniffer-annotations-") || j.startsWith("annotations-")
            || j.startsWith("listenablefuture-"))
        .anyMatch(j -> j.startsWith("failureaccess-"));
  }

  private static List<String> jarsInRar() throws Exception {
    try (ZipFile rar = new ZipFile(System.getProperty("alloydb.it.rar"))) {
      return rar.stream().map(ZipEntry::getName).filter(name -> name.endsWith(".jar") && !name.contains("/"))
          .sorted().toList();
    }
  }
}
