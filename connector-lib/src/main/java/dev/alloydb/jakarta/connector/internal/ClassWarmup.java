package dev.alloydb.jakarta.connector.internal;

import com.google.cloud.alloydb.connectors.v1.MetadataExchangeRequest;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateRequest;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateResponse;
import com.google.protobuf.util.JsonFormat;
import dev.alloydb.jakarta.connector.ConnectorScheduler;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;

/**
 * Loads and initialises, once per class loader and on the connector's scheduler, the classes a first connection
 * needs, so that a new JVM does not load them one after the other on the connecting thread while the second core
 * idles. Two parts, on two of the scheduler's threads:
 *
 * <ul>
 *   <li>{@link #start}: protobuf's JSON printer and parser of the Admin API's messages, which builds protobuf's
 *       descriptors of every message of the API (the longest single step of a first connection), gax's call
 *       logging, the Admin API client's HttpJson stub and the metadata exchange message;</li>
 *   <li>{@link #afterKey}, on the thread that generated the key pair, once it is published: the JDK's TLS 1.3 client
 *       up to a ClientHello, with the trust and key managers {@link TlsContexts} builds, one RSASSA-PSS
 *       signature with the new key (the handshake's CertificateVerify), the handshake's other cryptography once, and
 *       what the JDK's check of the server's chain reads on first use.</li>
 * </ul>
 *
 * Nothing it does is kept; a failure here is left for the real use to report.
 */
final class ClassWarmup {
  private static final System.Logger LOG = System.getLogger(ClassWarmup.class.getName());
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final AtomicBoolean TLS_STARTED = new AtomicBoolean();

  private ClassWarmup() {
  }

  /**
   * Submits the warm-up of the Admin API client unless this class loader has already done it; a refused task is not
   * retried.
   */
  static void start(ConnectorScheduler scheduler) {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    try {
      scheduler.execute(ClassWarmup::adminApi);
    } catch (RejectedExecutionException e) {
      LOG.log(Level.DEBUG, () -> "The scheduler refused the class warm-up (" + e.getMessage() + "); skipped");
    }
  }

  /** Warms the TLS client up on the calling thread with the connector's new key, unless this class loader has. */
  static void afterKey(KeyPair key) {
    if (!TLS_STARTED.compareAndSet(false, true)) {
      return;
    }
    try {
      tlsClientHello(key);
      signOnce(key);
      handshakeCrypto();
      serverCheck();
    } catch (ReflectiveOperationException | GeneralSecurityException | java.io.IOException | RuntimeException
        | LinkageError e) {
      LOG.log(Level.DEBUG, () -> "TLS warm-up stopped early (" + e + "); the first connection loads the rest");
    }
  }

  /**
   * In the order a first connection needs them when the key pair is ready late (a new JVM on a small machine):
   * protobuf's descriptors of the API, which the certificate request's JSON body and both answers need (the longest
   * single step); gax's call logging, which builds a Gson on its first call, logging on or off; the stub.
   */
  private static void adminApi() {
    try {
      // the REST transport's request and response bodies, with a field of each kind they carry (a Duration is a
      // well-known type, printed by its own printer)
      JsonFormat.printer().print(GenerateClientCertificateRequest.newBuilder().setParent("p").setPublicKey("k")
          .setCertDuration(com.google.protobuf.Duration.newBuilder().setSeconds(1)).setUseMetadataExchange(true)
          .build());
      JsonFormat.parser().ignoringUnknownFields()
          .merge("{\"ipAddress\":\"a\",\"instanceUid\":\"u\"}",
              com.google.cloud.alloydb.v1alpha.ConnectionInfo.newBuilder());
      JsonFormat.parser().ignoringUnknownFields().merge("{\"pemCertificateChain\":[\"c\"],\"caCert\":\"c\"}",
          GenerateClientCertificateResponse.newBuilder());
      Class.forName("com.google.api.gax.logging.LogData", true, ClassWarmup.class.getClassLoader());
      Class.forName(AdminRestStub.class.getName(), true, ClassWarmup.class.getClassLoader());
      MetadataExchangeRequest.getDefaultInstance();
    } catch (ReflectiveOperationException | java.io.IOException | RuntimeException | LinkageError e) {
      LOG.log(Level.DEBUG, () -> "Class warm-up stopped early (" + e + "); the first connection loads the rest");
    }
  }

  /** The same managers as {@link TlsContexts#build}, without certificates, then one ClientHello into a buffer. */
  private static void tlsClientHello(KeyPair key) throws GeneralSecurityException, java.io.IOException {
    CertificateFactory.getInstance("X.509");
    KeyStore empty = KeyStore.getInstance("PKCS12");
    empty.load(null, null);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(empty);
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(new KeyManager[] {new ClientKeyManager(key.getPrivate(), List.of())}, tmf.getTrustManagers(),
        null);
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

  /**
   * The rest of a TLS 1.3 handshake's cryptography (x25519 key agreement, HMAC-based key derivation, AES-GCM
   * records), once each on nothing.
   */
  private static void handshakeCrypto() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519");
    KeyAgreement agreement = KeyAgreement.getInstance("X25519");
    agreement.init(generator.generateKeyPair().getPrivate());
    agreement.doPhase(generator.generateKeyPair().getPublic(), true);
    byte[] secret = agreement.generateSecret();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    byte[] derived = mac.doFinal(new byte[32]);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derived, 0, 16, "AES"),
        new GCMParameterSpec(128, new byte[12]));
    cipher.doFinal(new byte[32]);
  }

  /**
   * What the JDK's check of a TLS server's chain does first: compares names in canonical form, and (its distrust
   * policies) looks the chain's root up in the JDK's own root list, which it reads and parses from the JDK's cacerts
   * file on first use, a large part of a new JVM's first handshake. The list's holder is loaded by name: it is
   * internal to the JDK, and where a JDK has no such class the handshake simply loads what it needs itself.
   */
  private static void serverCheck() throws ClassNotFoundException {
    new X500Principal("CN=warmup.invalid").getName(X500Principal.CANONICAL);
    Class.forName("sun.security.util.AnchorCertificates", true, null);
  }

  /** What the client's CertificateVerify computes in a TLS 1.3 handshake (rsa_pss_rsae_sha256), on nothing. */
  private static void signOnce(KeyPair key) throws GeneralSecurityException {
    Signature signature = Signature.getInstance("RSASSA-PSS");
    signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
    signature.initSign(key.getPrivate());
    signature.update(new byte[64]);
    signature.sign();
  }
}
