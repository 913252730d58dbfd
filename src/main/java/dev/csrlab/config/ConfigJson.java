package dev.csrlab.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON form of {@link ExperimentConfig}. Missing keys take the defaults; unknown keys are an error
 * for the current schema; no polymorphic typing is ever enabled (data only).
 */
public final class ConfigJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private ConfigJson() {}

  public static String toJson(ExperimentConfig c) {
    try {
      return MAPPER.writeValueAsString(c);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("config does not serialise: " + e.getMessage(), e);
    }
  }

  public static void write(ExperimentConfig c, Path file) throws IOException {
    Files.writeString(file, toJson(c) + System.lineSeparator(), StandardCharsets.UTF_8);
  }

  /** Reads a config file; errors name the file and what is wrong in it. */
  public static ExperimentConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(List.of("cannot read config file " + file + ": " + e));
    }
    try {
      return parse(text);
    } catch (ConfigException e) {
      throw new ConfigException(e.problems().stream().map(p -> file + ": " + p).toList());
    }
  }

  /** Parses JSON text over the defaults (not validated: see {@link ConfigValidator}). */
  public static ExperimentConfig parse(String json) {
    JsonNode user;
    try {
      user = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          List.of(
              "malformed JSON: "
                  + e.getOriginalMessage()
                  + " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()));
    }
    if (user == null || !user.isObject()) {
      throw new ConfigException(List.of("a config must be a JSON object"));
    }
    JsonNode version = user.get("schemaVersion");
    if (version != null
        && version.canConvertToInt()
        && version.asInt() > ExperimentConfig.SCHEMA_VERSION) {
      throw new ConfigException(
          List.of(
              "schemaVersion "
                  + version.asInt()
                  + " is newer than this lab understands ("
                  + ExperimentConfig.SCHEMA_VERSION
                  + "); update CSR Lab to open it"));
    }
    ObjectNode merged = MAPPER.valueToTree(ExperimentConfig.defaults());
    merge(merged, (ObjectNode) user);
    return readAll(merged, MAPPER.valueToTree(ExperimentConfig.defaults()));
  }

  /**
   * Reads the merged tree listing every problem at once: every unknown key (also "@class" or
   * "@type": no polymorphic typing), every bad value (each is reported, replaced by its default and
   * the tree read again), then the validator's problems with the rest.
   */
  private static ExperimentConfig readAll(ObjectNode merged, ObjectNode defaults) {
    List<String> invalid = new ArrayList<>();
    while (true) {
      UnknownKeys unknown = new UnknownKeys();
      try {
        ExperimentConfig c =
            MAPPER.readerFor(ExperimentConfig.class).withHandler(unknown).readValue(merged);
        List<String> problems = new ArrayList<>(invalid);
        problems.addAll(unknown.problems());
        if (problems.isEmpty()) {
          return c;
        }
        problems.addAll(ConfigValidator.problems(c));
        throw new ConfigException(problems);
      } catch (JsonMappingException e) {
        invalid.add("invalid value" + pathOf(e.getPath()) + ": " + rootMessage(e));
        if (!replaceByDefault(merged, defaults, e.getPath())) {
          invalid.addAll(unknown.problems());
          throw new ConfigException(invalid);
        }
      } catch (IOException e) {
        invalid.add("invalid value: " + rootMessage(e));
        throw new ConfigException(invalid);
      }
    }
  }

  /**
   * Puts the default back where the bad value was; inside an array (a variant's option) the key is
   * dropped instead, so the method's default applies. False where nothing can be repaired.
   */
  private static boolean replaceByDefault(
      ObjectNode tree, JsonNode defaults, List<JsonMappingException.Reference> path) {
    if (path == null || path.isEmpty()) {
      return false;
    }
    JsonNode node = tree;
    JsonNode dflt = defaults;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonMappingException.Reference r = path.get(i);
      node = r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
      dflt = dflt == null || r.getFieldName() == null ? null : dflt.get(r.getFieldName());
      if (node == null) {
        return false;
      }
    }
    String last = path.get(path.size() - 1).getFieldName();
    if (!(node instanceof ObjectNode parent) || last == null || !parent.has(last)) {
      return false;
    }
    JsonNode value = dflt == null ? null : dflt.get(last);
    if (value == null) {
      parent.remove(last);
      return true;
    }
    if (value.equals(parent.get(last))) {
      return false;
    }
    parent.set(last, value.deepCopy());
    return true;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
    return m == null ? t.toString() : m;
  }

  private static String pathOf(List<JsonMappingException.Reference> path) {
    if (path == null || path.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" at ");
    for (var r : path) {
      if (r.getFieldName() != null) {
        if (sb.length() > 4) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** Overlays user values on defaults; objects merge key by key, anything else replaces. */
  private static void merge(ObjectNode base, ObjectNode user) {
    Iterator<Map.Entry<String, JsonNode>> it = user.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = base.get(e.getKey());
      if (existing instanceof ObjectNode eo
          && e.getValue() instanceof ObjectNode uo
          && !"variants".equals(e.getKey())) {
        merge(eo, uo);
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
  }
}
