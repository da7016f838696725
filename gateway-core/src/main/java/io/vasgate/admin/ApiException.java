package io.vasgate.admin;

/** Thrown by admin handlers to answer with a precise 4xx and a JSON {@link ApiError}. */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ApiError error;

  public ApiException(int status, String error, String message, String field) {
    super(message);
    this.error = new ApiError(status, error, message, field);
  }

  public static ApiException badRequest(String field, String message) {
    return new ApiException(400, "validation_failed", message, field);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message, null);
  }

  public static ApiException conflict(String field, String message) {
    return new ApiException(409, "conflict", message, field);
  }

  public ApiError error() {
    return error;
  }
}
