package dev.alloydb.jakarta.emulator;

import com.google.protobuf.Message;
import io.grpc.Status;

/**
 * One Admin API call as the emulator saw it.
 *
 * @param rpc the call
 * @param parent the request's parent (instance name for {@code GetConnectionInfo}, cluster name for
 *     {@code GenerateClientCertificate})
 * @param transport how it arrived
 * @param version the Admin API version it was made in
 * @param userAgent the caller's user agent header, empty if none
 * @param status the status the emulator answered with ({@code OK} on success)
 * @param quotaProject the {@code x-goog-user-project} header, empty if none
 * @param request the request message ({@code GetConnectionInfoRequest} or
 *     {@code GenerateClientCertificateRequest}) as the emulator's model, v1alpha, whatever {@code version} it came in
 * @param principal the service account the bearer credential belongs to, empty if it was missing or not accepted
 */
public record AdminCall(
    AdminRpc rpc,
    String parent,
    AdminTransport transport,
    AdminApiVersion version,
    String userAgent,
    Status.Code status,
    String quotaProject,
    Message request,
    String principal) {}
