package dev.alloydb.jakarta.testkit.throughput;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the throughput loop's web application ({@value #NAME}.war): every class of this package under
 * {@code WEB-INF/classes}, nothing else. It is built at run time from wherever this package was loaded (the testkit's
 * classes directory or its jar), so the war needs no Maven module of its own.
 */
public final class LoopWar {

  /** The war's name and so its context root on every server. */
  public static final String NAME = "bench-loop";

  private LoopWar() {}

  /** Writes {@value #NAME}.war into {@code dir} and returns its path. */
  public static Path write(Path dir) throws IOException {
    Path war = Files.createDirectories(dir).resolve(NAME + ".war");
    String packagePath = LoopWar.class.getPackageName().replace('.', '/') + "/";
    try (OutputStream file = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(file)) {
      for (ClassFile classFile : classFiles(packagePath)) {
        zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + packagePath + classFile.name()));
        zip.write(classFile.bytes());
        zip.closeEntry();
      }
    }
    return war;
  }

  private record ClassFile(String name, byte[] bytes) {}

  /** This package's class files (not those of sub-packages), from a directory or a jar. */
  private static List<ClassFile> classFiles(String packagePath) throws IOException {
    URL url = LoopWar.class.getResource(LoopWar.class.getSimpleName() + ".class");
    if (url == null) {
      throw new IOException("cannot find the class file of " + LoopWar.class.getName());
    }
    List<ClassFile> classes = new ArrayList<>();
    if ("file".equals(url.getProtocol())) {
      Path directory;
      try {
        directory = Path.of(url.toURI()).getParent();
      } catch (URISyntaxException e) {
        throw new IOException("bad class location " + url, e);
      }
      try (Stream<Path> files = Files.list(directory)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
          classes.add(new ClassFile(f.getFileName().toString(), Files.readAllBytes(f)));
        }
      }
    } else if ("jar".equals(url.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) url.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        for (JarEntry entry : jar.stream().sorted((a, b) -> a.getName().compareTo(b.getName())).toList()) {
          String name = entry.getName();
          if (name.startsWith(packagePath) && name.endsWith(".class")
              && name.indexOf('/', packagePath.length()) < 0) {
            try (InputStream in = jar.getInputStream(entry)) {
              classes.add(new ClassFile(name.substring(packagePath.length()), in.readAllBytes()));
            }
          }
        }
      }
    } else {
      throw new IOException("the throughput classes must be loaded from a directory or a jar, found " + url);
    }
    return classes;
  }
}
