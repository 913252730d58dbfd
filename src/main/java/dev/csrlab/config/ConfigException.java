package dev.csrlab.config;

import java.util.List;

/** A configuration that cannot run; carries every problem found, each with how to fix it. */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  public ConfigException(List<String> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String format(List<String> problems) {
    StringBuilder sb = new StringBuilder("invalid configuration (" + problems.size() + " problem");
    sb.append(problems.size() == 1 ? ")" : "s)");
    for (String p : problems) {
      sb.append(System.lineSeparator()).append("  - ").append(p);
    }
    return sb.toString();
  }
}
