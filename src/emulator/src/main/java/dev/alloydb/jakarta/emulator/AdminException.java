package dev.alloydb.jakarta.emulator;

import io.grpc.Status;

/** An Admin API failure with its gRPC code; REST maps it to the matching HTTP status. */
final class AdminException extends Exception {
  private static final long serialVersionUID = 1L;
  private final Status.Code code;

  AdminException(Status.Code code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  Status.Code code() {
    return code;
  }

  int httpStatus() {
    return switch (code) {
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
      case UNAUTHENTICATED -> 401;
      case PERMISSION_DENIED -> 403;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, ABORTED -> 409;
      case RESOURCE_EXHAUSTED -> 429;
      case CANCELLED -> 499;
      case UNIMPLEMENTED -> 501;
      case UNAVAILABLE -> 503;
      case DEADLINE_EXCEEDED -> 504;
      default -> 500;
    };
  }
}
