package dev.alloydb.jakarta.connector.internal;

import com.google.cloud.alloydb.connectors.v1.MetadataExchangeRequest;
import com.google.cloud.alloydb.v1alpha.GetConnectionInfoRequest;
import com.google.cloud.alloydb.v1alpha.stub.HttpJsonAlloyDBAdminStub;
import com.google.protobuf.util.JsonFormat;
import dev.alloydb.jakarta.connector.ConnectorScheduler;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Loads and initialises, once per class loader and on the connector's scheduler, the classes a first connection
 * needs after the key pair: the Admin API client's HttpJson stub (its static part describes every method of the
 * API), protobuf's JSON printer and parser, and the JDK's TLS 1.3 client up to a ClientHello. In a new JVM the connector's start would otherwise load
 * them one after the other on the connecting thread while the second core idles. Nothing it does is kept; a failure
 * here is left for the real use to report.
 */
final class ClassWarmup {
  private static final System.Logger LOG = System.getLogger(ClassWarmup.class.getName());
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private ClassWarmup() {
  }

  /** Submits the warm-up unless this class loader has already done it; a refused task is not retried. */
  static void start(ConnectorScheduler scheduler) {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    try {
      scheduler.execute(ClassWarmup::run);
    } catch (RejectedExecutionException e) {
      LOG.log(Level.DEBUG, () -> "The scheduler refused the class warm-up (" + e.getMessage() + "); skipped");
    }
  }

  private static void run() {
    try {
      Class.forName(HttpJsonAlloyDBAdminStub.class.getName(), true, ClassWarmup.class.getClassLoader());
      // the REST transport's request and response bodies
      JsonFormat.printer().print(GetConnectionInfoRequest.getDefaultInstance());
      JsonFormat.parser().ignoringUnknownFields()
          .merge("{}", com.google.cloud.alloydb.v1alpha.ConnectionInfo.newBuilder());
      MetadataExchangeRequest.getDefaultInstance();
      tlsClientHello();
    } catch (ReflectiveOperationException | GeneralSecurityException | java.io.IOException | RuntimeException
        | LinkageError e) {
      LOG.log(Level.DEBUG, () -> "Class warm-up stopped early (" + e + "); the first connection loads the rest");
    }
  }

  /** The same factories as {@link TlsContexts#build}, empty, then one ClientHello written into a buffer. */
  private static void tlsClientHello() throws GeneralSecurityException, java.io.IOException {
    CertificateFactory.getInstance("X.509");
    KeyStore empty = KeyStore.getInstance("PKCS12");
    empty.load(null, null);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(empty, new char[0]);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(empty);
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    SSLEngine engine = context.createSSLEngine("warmup.invalid", Dialer.SERVER_PROXY_PORT);
    engine.setUseClientMode(true);
    engine.beginHandshake();
    try {
      engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
    } catch (SSLException e) {
      LOG.log(Level.DEBUG, () -> "The warm-up ClientHello failed (" + e.getMessage() + ")");
    } finally {
      engine.closeOutbound();
    }
  }
}
