package dev.alloydb.jakarta.sample;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** 503 when the database cannot be used; the cause goes to the server log. */
@Provider
public class DataAccessMapper implements ExceptionMapper<DataAccessException> {

  private static final Logger LOG = System.getLogger(DataAccessMapper.class.getName());

  @Override
  public Response toResponse(DataAccessException exception) {
    LOG.log(Level.WARNING, exception.getMessage(), exception);
    return ErrorBody.response(503, exception.getMessage() + "; see the server log");
  }
}
