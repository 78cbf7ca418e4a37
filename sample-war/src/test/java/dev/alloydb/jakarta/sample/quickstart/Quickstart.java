package dev.alloydb.jakarta.sample.quickstart;

import dev.alloydb.jakarta.testkit.payara.PayaraMicroProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ./mvnw -Pquickstart}: starts the local AlloyDB emulator, then Payara Micro with the resource adapter and
 * the sample war configured to reach it, prints the URL to try, and runs until Ctrl-C, which stops both.
 *
 * <p>The profile runs it inside Maven's JVM (exec:java): whatever stops Maven, Ctrl-C or a SIGTERM to
 * {@code ./mvnw} from a process manager or CI, runs its shutdown hook, which stops Payara Micro (a child process),
 * then the emulator and its PostgreSQL.
 *
 * <p>Arguments: the Payara runtime directory (payara-micro.jar, alloydb-connector.rar, boot files), the war, and
 * the HTTP port. Payara Micro is configured the way the README tells a user to:
 * {@code --systemproperties <settings> --postbootcommandfile post-boot-commands.asadmin}, run in the runtime
 * directory (the boot file names the .rar by a relative path).
 */
public final class Quickstart {

  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);

  private Quickstart() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("expected <payara runtime dir> <war> <port>, got " + args.length
          + " arguments");
    }
    Path runtimeDir = Path.of(args[0]);
    Path war = Path.of(args[1]);
    int port = Integer.parseInt(args[2]);

    // The emulator's PostgreSQL logs every start-up step at INFO; a newcomer needs the URL, not that.
    Logger.getLogger("").setLevel(Level.WARNING);
    Stopper stopper = new Stopper();
    Runtime.getRuntime().addShutdownHook(new Thread(stopper::stop, "quickstart-stop"));
    System.out.println("Starting the local AlloyDB emulator ...");
    SampleDatabase database = SampleDatabase.start(runtimeDir.resolve("quickstart.properties"));
    stopper.database(database);

    System.out.println("Starting Payara Micro with alloydb-connector.rar and alloydb-sample.war ...");
    PayaraMicroProcess payara;
    try {
      requireFreePort(port);
      payara = PayaraMicroProcess.launch(runtimeDir.resolve("payara-micro.jar"), port,
          PayaraMicroProcess.deleteTree(runtimeDir.resolve("root-" + port)),
          runtimeDir.resolve("payara-" + port + ".log"), runtimeDir, List.of(),
          List.of("--systemproperties", database.systemProperties().toAbsolutePath().toString(),
              "--postbootcommandfile", "post-boot-commands.asadmin", "--deploy", war.toAbsolutePath().toString()));
      stopper.payara(payara);
      payara.awaitReady(BOOT_TIMEOUT);
      requireDeployed(URI.create("http://localhost:" + port + "/alloydb-sample/api/items"), payara);
    } catch (IllegalStateException e) {
      System.err.println("Payara Micro did not start: " + e.getMessage());
      stopper.stop();
      System.exit(1);
      return;
    }
    String base = "http://localhost:" + port + "/alloydb-sample/api";
    System.out.println();
    System.out.println("The AlloyDB sample is running: " + base + "/items");
    System.out.println("  curl -s " + base + "/database");
    System.out.println("  curl -s -X POST " + base + "/items -H 'Content-Type: application/json'"
        + " -d '{\"id\":\"book1\",\"title\":\"Book One\"}'");
    System.out.println("  curl -s " + base + "/items");
    System.out.println("Payara log: " + payara.log().toAbsolutePath());
    System.out.println("Configuration used: " + database.systemProperties().toAbsolutePath());
    System.out.println("Press Ctrl-C to stop.");
    // Ctrl-C reaches Payara directly too, as it shares the terminal.
    int status = payara.waitFor();
    stopper.stop();
    System.out.println("Payara Micro exited with status " + status + "; emulator stopped.");
  }

  private static void requireFreePort(int port) {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
      probe.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException("port " + port + " is in use: stop what runs there, or choose another"
          + " port with -Dquickstart.port=<port>", e);
    }
  }

  /** Payara reports ready even when a deployment failed: the sample must answer. */
  private static void requireDeployed(URI url, PayaraMicroProcess payara) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).build();
    int status;
    try {
      status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException("Payara Micro does not answer at " + url + " (" + e + "); see "
          + payara.log(), e);
    }
    if (status != 200) {
      throw new IllegalStateException(url + " answered HTTP " + status
          + ": the .rar or the war did not deploy; see " + payara.log());
    }
  }

  /**
   * Stops Payara, then the emulator, once, from whichever of main or the shutdown hook (Ctrl-C) comes first; what
   * starts after that is stopped at once.
   */
  private static final class Stopper {

    private SampleDatabase database;
    private PayaraMicroProcess payara;
    private boolean stopped;

    synchronized void database(SampleDatabase started) {
      this.database = started;
      if (stopped) {
        started.close();
      }
    }

    synchronized void payara(PayaraMicroProcess started) {
      this.payara = started;
      if (stopped) {
        started.close();
      }
    }

    synchronized void stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      if (payara != null) {
        payara.close();
      }
      if (database != null) {
        database.close();
      }
    }
  }
}
