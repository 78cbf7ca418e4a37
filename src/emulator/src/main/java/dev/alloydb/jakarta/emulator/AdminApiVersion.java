package dev.alloydb.jakarta.emulator;

import com.google.cloud.alloydb.v1alpha.ConnectionInfo;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateRequest;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateResponse;
import com.google.cloud.alloydb.v1alpha.GetConnectionInfoRequest;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;

/**
 * The versions of the Admin API the emulator serves: {@code v1} (gcloud), {@code v1beta} (Google's Python connector)
 * and {@code v1alpha} (Google's Java and Go connectors, and this project's connector).
 *
 * <p>One backend serves them all: its model is the v1alpha messages, a superset of the other versions' with the same
 * field numbers. A request of any version maps to the model and the model's answer back to that version through the
 * protobuf wire format, dropping what the version does not define (v1's {@code ConnectionInfo} has no
 * {@code psc_dns_name}).
 */
public enum AdminApiVersion {
  /** {@code v1}, the version gcloud uses. */
  V1("v1", com.google.cloud.alloydb.v1.GetConnectionInfoRequest.getDefaultInstance(),
      com.google.cloud.alloydb.v1.ConnectionInfo.getDefaultInstance(),
      com.google.cloud.alloydb.v1.GenerateClientCertificateRequest.getDefaultInstance(),
      com.google.cloud.alloydb.v1.GenerateClientCertificateResponse.getDefaultInstance()),
  /** {@code v1beta}, the version Google's Python connector uses. */
  V1BETA("v1beta", com.google.cloud.alloydb.v1beta.GetConnectionInfoRequest.getDefaultInstance(),
      com.google.cloud.alloydb.v1beta.ConnectionInfo.getDefaultInstance(),
      com.google.cloud.alloydb.v1beta.GenerateClientCertificateRequest.getDefaultInstance(),
      com.google.cloud.alloydb.v1beta.GenerateClientCertificateResponse.getDefaultInstance()),
  /** {@code v1alpha}, the version Google's Java and Go connectors and this project's connector use. */
  V1ALPHA("v1alpha", GetConnectionInfoRequest.getDefaultInstance(), ConnectionInfo.getDefaultInstance(),
      GenerateClientCertificateRequest.getDefaultInstance(), GenerateClientCertificateResponse.getDefaultInstance());

  private final String id;
  private final Message infoRequest;
  private final Message info;
  private final Message certificateRequest;
  private final Message certificateResponse;

  AdminApiVersion(String id, Message infoRequest, Message info, Message certificateRequest,
      Message certificateResponse) {
    this.id = id;
    this.infoRequest = infoRequest;
    this.info = info;
    this.certificateRequest = certificateRequest;
    this.certificateResponse = certificateResponse;
  }

  /** The version as it appears in REST paths and gRPC service names, e.g. {@code v1beta}. */
  public String id() {
    return id;
  }

  /** The gRPC service's full name, e.g. {@code google.cloud.alloydb.v1beta.AlloyDBAdmin}. */
  String grpcService() {
    return "google.cloud.alloydb." + id + ".AlloyDBAdmin";
  }

  /** The version whose REST paths and gRPC services use {@code id}, or null. */
  static AdminApiVersion of(String id) {
    for (AdminApiVersion version : values()) {
      if (version.id.equals(id)) {
        return version;
      }
    }
    return null;
  }

  Message infoRequestPrototype() {
    return infoRequest;
  }

  Message infoPrototype() {
    return info;
  }

  Message certificateRequestPrototype() {
    return certificateRequest;
  }

  Message certificateResponsePrototype() {
    return certificateResponse;
  }

  GetConnectionInfoRequest infoRequest(Message request) throws AdminException {
    return convert(request, GetConnectionInfoRequest.getDefaultInstance());
  }

  GenerateClientCertificateRequest certificateRequest(Message request) throws AdminException {
    return convert(request, GenerateClientCertificateRequest.getDefaultInstance());
  }

  /** The model's connection info as this version's message. */
  Message info(ConnectionInfo model) throws AdminException {
    return convert(model, info);
  }

  /** The model's certificate response as this version's message. */
  Message certificateResponse(GenerateClientCertificateResponse model) throws AdminException {
    return convert(model, certificateResponse);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Message> T convert(Message from, T to) throws AdminException {
    try {
      return (T) to.getParserForType().parseFrom(from.toByteString()).toBuilder()
          .setUnknownFields(UnknownFieldSet.getDefaultInstance()).build();
    } catch (InvalidProtocolBufferException e) {
      throw new AdminException(io.grpc.Status.Code.INVALID_ARGUMENT,
          "cannot read " + from.getDescriptorForType().getName() + " as " + to.getDescriptorForType().getFullName());
    }
  }
}
