package dev.alloydb.jakarta.connector;

/** The instance has no address of the requested {@link IpType}. */
public class IpTypeNotFoundException extends ConnectorConfigException {
  private static final long serialVersionUID = 1L;

  private final IpType ipType;

  /** An error with this message for the requested {@code ipType}. */
  public IpTypeNotFoundException(String message, IpType ipType) {
    super(message);
    this.ipType = ipType;
  }

  /** The IP type that was requested. */
  public IpType ipType() {
    return ipType;
  }
}
