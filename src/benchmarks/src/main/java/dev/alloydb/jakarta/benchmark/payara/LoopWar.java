package dev.alloydb.jakarta.benchmark.payara;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the benchmark's web application: every class of this package under {@code WEB-INF/classes}, nothing else.
 * It is built from the module's compiled classes at run time, so the war needs no Maven module of its own.
 */
public final class LoopWar {

  private LoopWar() {}

  /** Writes {@code bench-loop.war} into {@code dir} and returns its path. */
  public static Path write(Path dir) throws IOException {
    Path war = Files.createDirectories(dir).resolve("bench-loop.war");
    Path classes = packageDirectory();
    String prefix = "WEB-INF/classes/" + LoopWar.class.getPackageName().replace('.', '/') + "/";
    List<Path> classFiles;
    try (Stream<Path> files = Files.list(classes)) {
      classFiles = files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
    }
    try (OutputStream file = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Path classFile : classFiles) {
        zip.putNextEntry(new ZipEntry(prefix + classFile.getFileName()));
        try (InputStream in = Files.newInputStream(classFile)) {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
    }
    return war;
  }

  private static Path packageDirectory() throws IOException {
    var url = LoopWar.class.getResource(LoopWar.class.getSimpleName() + ".class");
    if (url == null || !"file".equals(url.getProtocol())) {
      throw new IOException("the benchmark classes must be on the class path as a directory (target/classes), "
          + "found " + url);
    }
    try {
      return Path.of(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IOException("bad class location " + url, e);
    }
  }
}
