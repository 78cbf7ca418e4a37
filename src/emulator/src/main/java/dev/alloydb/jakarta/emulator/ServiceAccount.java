package dev.alloydb.jakarta.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.security.KeyPair;
import java.util.UUID;

/** A service account of the emulator: the identity behind its credentials file, or an impersonation target. */
record ServiceAccount(String email, String projectId, String keyId, KeyPair key) {

  static ServiceAccount create(String name, String projectId) {
    return new ServiceAccount(
        name + "@" + projectId + ".iam.gserviceaccount.com",
        projectId,
        UUID.randomUUID().toString().replace("-", ""),
        CertificateAuthority.newKeyPair());
  }

  /** The PostgreSQL user of this account: the email without {@code .gserviceaccount.com}. */
  String databaseUser() {
    return databaseUserOf(email);
  }

  /** The PostgreSQL user AlloyDB gives an IAM principal: a service account's email loses its domain suffix. */
  static String databaseUserOf(String principal) {
    String suffix = ".gserviceaccount.com";
    return principal.endsWith(suffix) ? principal.substring(0, principal.length() - suffix.length()) : principal;
  }

  /**
   * A {@code service_account} credentials file whose {@code token_uri} is the emulator's token endpoint, in
   * {@code universeDomain}.
   */
  String credentialsJson(String tokenUri, String universeDomain) {
    return credentials(tokenUri, universeDomain).toString();
  }

  /**
   * An {@code impersonated_service_account} credentials file: this account's key, impersonating {@code target}
   * through the emulator's IAM Credentials {@code generateAccessToken} URL.
   */
  String impersonationJson(String tokenUri, String universeDomain, String generateAccessTokenUrl) {
    JsonObject json = new JsonObject();
    json.addProperty("type", "impersonated_service_account");
    json.addProperty("service_account_impersonation_url", generateAccessTokenUrl);
    json.add("delegates", new JsonArray());
    json.add("source_credentials", credentials(tokenUri, universeDomain));
    return json.toString();
  }

  private JsonObject credentials(String tokenUri, String universeDomain) {
    JsonObject json = new JsonObject();
    json.addProperty("type", "service_account");
    json.addProperty("project_id", projectId);
    json.addProperty("private_key_id", keyId);
    json.addProperty("private_key", Pem.privateKey(key.getPrivate()));
    json.addProperty("client_email", email);
    json.addProperty("client_id", "100000000000000000001");
    json.addProperty("auth_uri", tokenUri);
    json.addProperty("token_uri", tokenUri);
    json.addProperty("universe_domain", universeDomain);
    return json;
  }
}
