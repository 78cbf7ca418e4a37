package dev.alloydb.jakarta.sample;

/** The request body does not describe a valid item; answered with 400. */
public class InvalidItemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  InvalidItemException(String message) {
    super(message);
  }
}
