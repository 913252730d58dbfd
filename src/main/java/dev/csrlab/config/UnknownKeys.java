package dev.csrlab.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects every unknown key of a config, with where it is, and skips it, so that one error lists
 * them all (the mapper would stop at the first). The known keys are named once per object.
 */
final class UnknownKeys extends DeserializationProblemHandler {
  private final List<String> problems = new ArrayList<>();
  private final Set<String> hinted = new HashSet<>();

  List<String> problems() {
    return problems;
  }

  @Override
  public boolean handleUnknownProperty(
      DeserializationContext ctxt,
      JsonParser p,
      JsonDeserializer<?> deserializer,
      Object beanOrClass,
      String propertyName)
      throws IOException {
    JsonStreamContext object = p.getParsingContext();
    if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
      object = object.getParent(); // the value opened its own context
    }
    String where = location(object.getParent());
    StringBuilder sb = new StringBuilder("unknown key '").append(propertyName).append('\'');
    if (!where.isEmpty()) {
      sb.append(" in ").append(where);
    }
    if (hinted.add(where)) {
      Set<String> known = new TreeSet<>();
      deserializer.getKnownPropertyNames().forEach(k -> known.add(String.valueOf(k)));
      sb.append("; known keys")
          .append(where.isEmpty() ? "" : " there")
          .append(": ")
          .append(String.join(", ", known));
    }
    problems.add(sb.toString());
    p.skipChildren();
    return true;
  }

  /** JSON path of the object whose parent context is {@code c}, e.g. {@code variants[1]}. */
  private static String location(JsonStreamContext c) {
    StringBuilder sb = new StringBuilder();
    for (; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        sb.insert(0, "[" + c.getCurrentIndex() + "]");
      } else if (c.getCurrentName() != null) {
        sb.insert(0, c.getCurrentName() + (sb.length() > 0 && sb.charAt(0) != '[' ? "." : ""));
      }
    }
    return sb.toString();
  }
}
