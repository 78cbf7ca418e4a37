package dev.alloydb.jakarta.sample;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Keeps the status JAX-RS chose (404, 405, 415, ...) and answers in the sample's JSON error shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        return ErrorBody.response(exception.getResponse().getStatus(), exception.getMessage());
    }
}
