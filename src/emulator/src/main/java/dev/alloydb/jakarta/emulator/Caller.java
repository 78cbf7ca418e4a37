package dev.alloydb.jakarta.emulator;

/** Who made an Admin API call and how, read from the request headers. */
record Caller(String bearer, AdminTransport transport, String userAgent, String quotaProject) {
  Caller {
    bearer = bearer == null ? "" : bearer;
    userAgent = userAgent == null ? "" : userAgent;
    quotaProject = quotaProject == null ? "" : quotaProject;
  }
}
