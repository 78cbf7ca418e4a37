package dev.alloydb.jakarta.benchmark;

import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyPairGeneratorSpi;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.spec.AlgorithmParameterSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Locale;
import java.util.Properties;

/**
 * The program {@link FreshJvmStart} runs in a new JVM per trial: one {@code DriverManager.getConnection} through a
 * connector's socket factory, then one line of timings on standard output ({@link System#nanoTime()}, which on Linux
 * is one clock for every process). Key generation is timed through a JCA provider put first, which hands out the
 * JDK's own RSA generator: both connectors ask the JCA for "RSA", so both are timed alike.
 *
 * <p>Arguments: the JDBC URL and a properties file with the connection properties.
 */
public final class FreshJvmChild {
  private static volatile long keyStart;
  private static volatile long keyEnd;

  private FreshJvmChild() {
  }

  public static void main(String[] args) throws Exception {
    long main = System.nanoTime();
    Security.insertProviderAt(new TimingProvider(), 1);
    Properties properties = new Properties();
    try (InputStream in = new FileInputStream(args[1])) {
      properties.load(in);
    }
    long connected;
    try (Connection connection = DriverManager.getConnection(args[0], properties)) {
      connected = System.nanoTime();
      if (!connection.isValid(30)) {
        throw new IllegalStateException("the first connection is not valid");
      }
    }
    System.out.printf(Locale.ROOT, "main=%d keyStart=%d keyEnd=%d connected=%d classes=%d classLoadMs=%d%n", main,
        keyStart, keyEnd, connected, ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(),
        classLoadingMillis());
    System.out.flush();
    // Google's connector keeps non-daemon threads
    System.exit(0);
  }

  /** HotSpot's accumulated class-loading time (all threads), or -1 where the JVM does not tell. */
  private static long classLoadingMillis() {
    try {
      Object bean = Class.forName("sun.management.ManagementFactoryHelper")
          .getMethod("getHotspotClassLoadingMBean").invoke(null);
      Class<?> type = Class.forName("sun.management.HotspotClassLoadingMBean");
      return (Long) type.getMethod("getClassLoadingTime").invoke(bean);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return -1;
    }
  }

  /** Offers "RSA" key-pair generation, delegated to the JDK's provider and timed. */
  private static final class TimingProvider extends Provider {
    private static final long serialVersionUID = 1L;

    TimingProvider() {
      super("BenchmarkKeyTiming", "1", "times RSA key-pair generation");
      put("KeyPairGenerator.RSA", TimedRsa.class.getName());
    }
  }

  /** Public for the JCA, which instantiates it by name. */
  public static final class TimedRsa extends KeyPairGeneratorSpi {
    private final KeyPairGenerator delegate;

    public TimedRsa() throws NoSuchAlgorithmException, java.security.NoSuchProviderException {
      delegate = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
    }

    @Override
    public void initialize(int keysize, SecureRandom random) {
      delegate.initialize(keysize, random);
    }

    @Override
    public void initialize(AlgorithmParameterSpec params, SecureRandom random)
        throws InvalidAlgorithmParameterException {
      delegate.initialize(params, random);
    }

    @Override
    public KeyPair generateKeyPair() {
      long start = System.nanoTime();
      KeyPair pair = delegate.generateKeyPair();
      if (keyStart == 0) {
        keyStart = start;
        keyEnd = System.nanoTime();
      }
      return pair;
    }
  }
}
