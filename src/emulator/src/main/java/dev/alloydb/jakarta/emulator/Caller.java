package dev.alloydb.jakarta.emulator;

/** Who made an Admin API call, how and in which version, read from the request and its headers. */
record Caller(String bearer, AdminTransport transport, AdminApiVersion version, String userAgent,
    String quotaProject) {
  Caller {
    bearer = bearer == null ? "" : bearer;
    userAgent = userAgent == null ? "" : userAgent;
    quotaProject = quotaProject == null ? "" : quotaProject;
  }
}
