package dev.alloydb.jakarta.sample;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 when the request body cannot be read as JSON of the expected shape (JSON-B wraps its error this way). */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<ProcessingException> {

  static final String MESSAGE = "the request body is not valid JSON for this endpoint: send"
      + " {\"id\":\"book1\",\"title\":\"Book One\"}, or an array of such objects to /items/batch";

  @Override
  public Response toResponse(ProcessingException exception) {
    return ErrorBody.response(400, MESSAGE);
  }
}
