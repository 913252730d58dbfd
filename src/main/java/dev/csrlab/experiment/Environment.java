package dev.csrlab.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** What a reviewer needs to reproduce a number: machine, versions, commit. */
final class Environment {
  private Environment() {}

  static ObjectNode describe(String device) {
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("java", System.getProperty("java.version"));
    e.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    e.put("cores", Runtime.getRuntime().availableProcessors());
    e.put("djl", "0.36.0");
    e.put("pytorch", "2.7.1");
    e.put("device", device);
    String version = Environment.class.getPackage().getImplementationVersion();
    e.put("csr_lab", version == null ? "dev" : version);
    String commit = gitCommit();
    if (commit != null) {
      e.put("git_commit", commit);
    }
    return e;
  }

  /** The working tree's commit when run from a checkout; null for an installed lab. */
  static String gitCommit() {
    try {
      Process p =
          new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD")
              .redirectErrorStream(true)
              .start();
      if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return null;
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return out.matches("[0-9a-f]{7,40}") ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
