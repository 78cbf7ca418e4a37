package dev.alloydb.jakarta.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the emulator standalone: prints one JSON line with everything a client needs, then runs until end of input
 * or Ctrl-C (SIGINT/SIGTERM), and stops everything it started (PostgreSQL included) before exiting.
 *
 * <p>Arguments: {@code --instance <uri>} (repeatable), {@code --proxy-port <port>}, {@code --universe-domain
 * <domain>}.
 */
public final class EmulatorMain {
  private static final String USAGE = "expected --instance <projects/<P>/locations/<R>/clusters/<C>/instances/<I>>"
      + " (repeatable), --proxy-port <port> and --universe-domain <domain>";

  private EmulatorMain() {}

  /** Starts the emulator with the given arguments and runs it until end of input or a signal. */
  public static void main(String[] args) throws IOException {
    AlloyDbEmulator.Builder builder;
    try {
      builder = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "; " + USAGE);
      System.exit(2);
      return;
    }
    // PostgreSQL's own log lines (relayed by zonky at INFO) would drown the one line that matters.
    Logger.getLogger("").setLevel(Level.WARNING);
    Logger.getLogger("io.zonky").setLevel(Level.WARNING);

    AlloyDbEmulator emulator = builder.start();
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable stop = () -> {
      if (stopped.compareAndSet(false, true)) {
        emulator.close();
        System.err.println("AlloyDB emulator stopped");
      }
    };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "alloydb-emulator-stop"));

    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(describe(emulator));
    System.err.println("AlloyDB emulator running; press Ctrl-C or Ctrl-D (end of input) to stop");
    waitForEndOfInput(System.in);
    stop.run();
  }

  /**
   * The builder the arguments describe.
   *
   * @throws IllegalArgumentException naming the argument that is unknown, incomplete or invalid
   */
  static AlloyDbEmulator.Builder parse(String... args) {
    AlloyDbEmulator.Builder builder = AlloyDbEmulator.builder();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("unknown or incomplete argument '" + arg + "'");
      }
      String value = args[++i];
      switch (arg) {
        case "--instance" -> builder.instance(value);
        case "--proxy-port" -> builder.proxyPort(port(value));
        case "--universe-domain" -> builder.universeDomain(value);
        default -> throw new IllegalArgumentException("unknown or incomplete argument '" + arg + "'");
      }
    }
    return builder;
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--proxy-port needs a number 0..65535, got '" + value + "'");
    }
  }

  static String describe(AlloyDbEmulator e) {
    JsonObject json = new JsonObject();
    json.addProperty("adminApiRestEndpoint", e.adminApiRestEndpoint());
    json.addProperty("adminApiRestTlsEndpoint", e.adminApiRestTlsEndpoint());
    json.addProperty("adminApiGrpcTlsEndpoint", e.adminApiGrpcTlsEndpoint());
    json.addProperty("adminApiGrpcPlaintextEndpoint", e.adminApiGrpcPlaintextEndpoint());
    json.addProperty("tokenEndpoint", e.tokenEndpoint());
    json.addProperty("caCertificatePem", e.caCertificatePem().toString());
    json.addProperty("trustStore", e.trustStore().toString());
    json.addProperty("trustStoreType", "PKCS12");
    json.addProperty("trustStorePassword", e.trustStorePassword());
    json.addProperty("credentialsFile", e.credentialsFile().toString());
    json.addProperty("universeDomain", e.universeDomain());
    json.addProperty("serviceAccountEmail", e.serviceAccountEmail());
    json.addProperty("iamUser", e.iamUser());
    json.addProperty("impersonationTargetEmail", e.impersonationTargetEmail());
    json.addProperty("impersonationTargetIamUser", e.impersonationTargetIamUser());
    json.addProperty("generateAccessTokenUrl", e.generateAccessTokenUrl());
    json.addProperty("impersonationTargetCredentialsFile", e.impersonationTargetCredentialsFile().toString());
    json.addProperty("passwordUser", e.passwordUser());
    json.addProperty("password", e.password());
    json.addProperty("database", e.database());
    json.addProperty("directJdbcUrl", e.directJdbcUrl());
    JsonArray instances = new JsonArray();
    for (EmulatedInstance i : e.instances()) {
      JsonObject o = new JsonObject();
      o.addProperty("uri", i.uri());
      o.addProperty("privateAddress", i.privateAddress());
      o.addProperty("publicAddress", i.publicAddress());
      o.addProperty("pscDnsName", i.pscDnsName());
      o.addProperty("proxyPort", i.proxyPort());
      o.addProperty("instanceUid", i.instanceUid());
      instances.add(o);
    }
    json.add("instances", instances);
    return json.toString();
  }

  private static void waitForEndOfInput(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // input is ignored; only its end matters
      }
    } catch (IOException e) {
      // a closed stdin counts as end of input
    }
  }
}
