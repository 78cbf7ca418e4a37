package dev.alloydb.jakarta.sample;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 for a body that is not a valid item. */
@Provider
public class InvalidItemMapper implements ExceptionMapper<InvalidItemException> {

  @Override
  public Response toResponse(InvalidItemException exception) {
    return ErrorBody.response(400, exception.getMessage());
  }
}
