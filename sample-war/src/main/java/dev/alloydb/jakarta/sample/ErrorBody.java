package dev.alloydb.jakarta.sample;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The JSON body of every error answer: {@code {"status":404,"message":"no item with id 'x'"}}.
 *
 * @param status  HTTP status code
 * @param message what was wrong, for the client; never a stack trace
 */
public record ErrorBody(int status, String message) {

  static Response response(int status, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(status, message)).build();
  }
}
