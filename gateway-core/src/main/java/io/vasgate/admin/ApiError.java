package io.vasgate.admin;

/**
 * The JSON body of every 4xx and 5xx answer of the admin HTTP port.
 *
 * @param status the HTTP status
 * @param error a short machine-readable code, e.g. {@code not_found}, {@code validation_failed}
 * @param message what went wrong, for a person
 * @param field the offending request field, when there is one
 */
public record ApiError(int status, String error, String message, String field) {

  public static ApiError of(int status, String error, String message) {
    return new ApiError(status, error, message, null);
  }
}
