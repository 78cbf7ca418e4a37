package dev.alloydb.jakarta.sample;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 409 for an id that is taken; the transaction has been rolled back, so nothing of the request was stored. */
@Provider
public class DuplicateItemMapper implements ExceptionMapper<DuplicateItemException> {

  @Override
  public Response toResponse(DuplicateItemException exception) {
    return ErrorBody.response(409, exception.getMessage() + "; nothing was stored");
  }
}
