package io.vasgate.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/**
 * JSON in and out of every admin endpoint. Request bodies are read strictly: an unknown field or a
 * value of the wrong type answers 400 naming the field ({@code routes[0].extension}), so a misspelt
 * field never silently keeps its old value.
 */
public final class AdminJson {

  private final ObjectMapper mapper =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * The request body as {@code type}.
   *
   * @throws ApiException 400 for an empty or malformed body, naming the field when there is one
   */
  public <T> T read(Context ctx, Class<T> type) {
    String body = ctx.body();
    if (body.isBlank()) {
      throw new ApiException(400, "malformed_json", "a JSON body is required", null);
    }
    try {
      T value = mapper.readValue(body, type);
      if (value == null) {
        throw new ApiException(400, "malformed_json", "the JSON body must be an object", null);
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.badRequest(path(e), "is not a known field");
    } catch (MismatchedInputException e) {
      String field = path(e);
      if (field == null) {
        throw new ApiException(400, "malformed_json", "the JSON body must be an object", null);
      }
      throw ApiException.badRequest(
          field, "has the wrong type, expected " + e.getTargetType().getSimpleName());
    } catch (JsonProcessingException e) {
      throw new ApiException(
          400, "malformed_json", "request body is not valid JSON: " + e.getOriginalMessage(), null);
    }
  }

  public void write(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(string(body));
  }

  public String string(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  public JsonNode tree(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("stored JSON is invalid", e);
    }
  }

  /** The JSON path of the failure, {@code routes[0].extension}; null at the top level. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? null : path.toString();
  }
}
