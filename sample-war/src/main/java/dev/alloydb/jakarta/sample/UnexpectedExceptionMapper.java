package dev.alloydb.jakarta.sample;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** 500 for anything else: the stack trace goes to the server log, never to the client. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Exception exception) {
    LOG.log(Level.ERROR, "Unexpected error", exception);
    return ErrorBody.response(500, "internal error; see the server log");
  }
}
