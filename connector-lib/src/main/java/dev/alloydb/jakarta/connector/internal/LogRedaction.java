package dev.alloydb.jakarta.connector.internal;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Masks credentials in the debug output of the HTTP stacks the connector drives. At FINE/CONFIG, google-http-client
 * logs each Admin API and token request as a curl command with its {@code Authorization} header and the token
 * responses, and the JDK's HttpURLConnection logs request headers: both would put OAuth2 tokens and signed
 * assertions (and certificate bodies) in application logs. A filter on those two loggers rewrites such values to {@code <redacted>} before
 * any handler sees them; an existing filter still runs afterwards.
 */
final class LogRedaction implements Filter {
  static final List<String> LOGGERS = List.of("com.google.api.client.http.HttpTransport",
      "sun.net.www.protocol.http.HttpURLConnection");
  private static final Pattern SECRETS = Pattern.compile(
      "(?i)(bearer\\s+)[^\\s'\",}]+"
          + "|(\"(?:access_token|id_token|refresh_token|assertion|private_key)\"\\s*:\\s*\")[^\"]*"
          + "|((?:assertion|subject_token|refresh_token|client_secret)=)[^&\\s'\"]+"
          + "|(-----BEGIN [A-Z ]+-----)[^-]*"
          + "|eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  // JUL keeps loggers weakly: hold them so that the filters stay installed
  private static final List<Logger> FILTERED = LOGGERS.stream().map(Logger::getLogger).toList();

  private final Filter next;

  private LogRedaction(Filter next) {
    this.next = next;
  }

  // connectors of this class loader that installed the filters; guarded by LogRedaction.class
  private static int users;

  /** Installs the filter once per logger, for one more connector. Thread-safe. */
  static synchronized void install() {
    users++;
    for (Logger logger : FILTERED) {
      if (!(logger.getFilter() instanceof LogRedaction)) {
        logger.setFilter(new LogRedaction(logger.getFilter()));
      }
    }
  }

  /**
   * One connector fewer; the last one takes the filters off again. The JDK's loggers outlive any application, so
   * a filter left on them would keep an undeployed resource adapter's class loader, and all its classes, alive.
   */
  static synchronized void release() {
    if (users == 0 || --users > 0) {
      return;
    }
    for (Logger logger : FILTERED) {
      if (logger.getFilter() instanceof LogRedaction) {
        logger.setFilter(((LogRedaction) logger.getFilter()).next);
      }
    }
  }

  static String redact(String text) {
    return text == null ? null : SECRETS.matcher(text).replaceAll(m -> {
      for (int group = 1; group <= 4; group++) {
        if (m.group(group) != null) {
          return java.util.regex.Matcher.quoteReplacement(m.group(group)) + "<redacted>";
        }
      }
      return "<redacted>";
    });
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    record.setMessage(redact(record.getMessage()));
    Object[] parameters = record.getParameters();
    if (parameters != null) {
      Object[] masked = new Object[parameters.length];
      for (int i = 0; i < parameters.length; i++) {
        masked[i] = parameters[i] == null ? null : redact(parameters[i].toString());
      }
      record.setParameters(masked);
    }
    return next == null || next.isLoggable(record);
  }
}
