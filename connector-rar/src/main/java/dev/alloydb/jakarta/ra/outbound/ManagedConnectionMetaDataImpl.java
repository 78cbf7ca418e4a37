package dev.alloydb.jakarta.ra.outbound;

import jakarta.resource.spi.ManagedConnectionMetaData;

/** Product and user information of one managed connection, read once from the driver. */
final class ManagedConnectionMetaDataImpl implements ManagedConnectionMetaData {

  private final String productName;
  private final String productVersion;
  private final String user;

  ManagedConnectionMetaDataImpl(String productName, String productVersion, String user) {
    this.productName = productName;
    this.productVersion = productVersion;
    this.user = user;
  }

  @Override
  public String getEISProductName() {
    return productName;
  }

  @Override
  public String getEISProductVersion() {
    return productVersion;
  }

  @Override
  public int getMaxConnections() {
    return 0;
  }

  @Override
  public String getUserName() {
    return user;
  }
}
