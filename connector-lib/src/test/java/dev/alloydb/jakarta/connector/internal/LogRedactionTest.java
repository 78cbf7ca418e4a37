package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LogRedactionTest {
  @Test
  void masksTokensAssertionsAndPemBodies() {
    assertThat(LogRedaction.redact("curl -H 'Authorization: Bearer ya29.secret-value' http://x"))
        .isEqualTo("curl -H 'Authorization: Bearer <redacted>' http://x");
    assertThat(LogRedaction.redact("{\"access_token\":\"emu.abc\",\"expires_in\":3599}"))
        .isEqualTo("{\"access_token\":\"<redacted>\",\"expires_in\":3599}");
    assertThat(LogRedaction.redact("grant_type=jwt-bearer&assertion=eyJhbGci.eyJpc3Mi.c2lnbmF0dXJl"))
        .isEqualTo("grant_type=jwt-bearer&assertion=<redacted>");
    assertThat(LogRedaction.redact("id eyJhbGciOi.eyJzdWIi.sig-nature_x end")).isEqualTo("id <redacted> end");
    assertThat(LogRedaction.redact("{\"caCert\":\"-----BEGIN CERTIFICATE-----\\nMIIBszCCAVmg\\n-----END"))
        .isEqualTo("{\"caCert\":\"-----BEGIN CERTIFICATE-----<redacted>-----END");
    assertThat(LogRedaction.redact("GET /v1alpha/projects/p/connectionInfo")).isEqualTo(
        "GET /v1alpha/projects/p/connectionInfo");
  }

  @Test
  void filterIsInstalledOnTheHttpLoggersAndRewritesRecords() {
    LogRedaction.install();
    LogRedaction.install();
    Logger logger = Logger.getLogger(LogRedaction.LOGGERS.get(0));
    LogRecord record = new LogRecord(Level.CONFIG, "Authorization: Bearer emu.abcdef");
    record.setParameters(new Object[] {"access_token=x", "Bearer emu.xyz"});
    assertThat(logger.getFilter().isLoggable(record)).isTrue();
    assertThat(record.getMessage()).isEqualTo("Authorization: Bearer <redacted>");
    assertThat(record.getParameters()).containsExactly("access_token=x", "Bearer <redacted>");
  }
}
