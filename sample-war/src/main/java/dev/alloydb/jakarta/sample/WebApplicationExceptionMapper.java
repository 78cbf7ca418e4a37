package dev.alloydb.jakarta.sample;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Keeps the status JAX-RS chose (404, 405, 415, ...) and answers in the sample's JSON error shape. The sample
 * never throws {@code BadRequestException} itself, so one comes from JAX-RS failing to read the body (an empty
 * body, for instance) and gets the same hint as malformed JSON.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    if (exception instanceof BadRequestException) {
      return ErrorBody.response(400, MalformedJsonMapper.MESSAGE);
    }
    return ErrorBody.response(exception.getResponse().getStatus(), exception.getMessage());
  }
}
