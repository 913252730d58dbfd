package dev.csrlab.reliability;

import dev.csrlab.cli.Main;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * Runs {@code csr-lab} the way a user does: in this JVM through the same picocli command line as
 * {@code Main.main} (minus {@code System.exit}), or as a child JVM with this JVM's class path and
 * main class {@code dev.csrlab.cli.Main} (works in {@code mvn test}, before the jar is packaged).
 */
final class Cli {
  /** Exit code and what the command wrote to picocli's out and err. */
  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private Cli() {}

  static Result run(Object... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  /** Like {@link #run} with downloads of datasets switched off ({@code -Dcsrlab.offline}). */
  static Result runOffline(Object... args) {
    String key = "csrlab.offline";
    String before = System.getProperty(key);
    System.setProperty(key, "true");
    try {
      return run(args);
    } finally {
      if (before == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, before);
      }
    }
  }

  /** The class path of this test JVM, entry by entry (surefire's real one when it has one). */
  static List<String> testClassPath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    return List.of(cp.split(File.pathSeparator));
  }

  /** A child JVM running {@code csr-lab args} with the class path entries {@code keep} allows. */
  static ProcessBuilder childJvm(Predicate<String> keep, Object... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-Dai.djl.offline=true");
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, testClassPath().stream().filter(keep).toList()));
    cmd.add("dev.csrlab.cli.Main");
    Arrays.stream(args).map(String::valueOf).forEach(cmd::add);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("MALLOC_ARENA_MAX", "2");
    return pb;
  }

  /** Flags of a tiny run: 512 samples, batch 128, 2 epochs (8 steps), widening after epoch 1. */
  static List<Object> tinyRun(Path out) {
    return tinyRun(out, 512);
  }

  /** {@link #tinyRun(Path)} on the first {@code trainSubset} training samples. */
  static List<Object> tinyRun(Path out, int trainSubset) {
    return List.of(
        "run",
        "--quiet",
        "--train-subset",
        trainSubset,
        "--batch-size",
        128,
        "--epochs",
        2,
        "--expand-epoch",
        1,
        "--val-subset",
        128,
        "--threads",
        1,
        "--out",
        out);
  }

  /**
   * Flags of a run long enough to interrupt: 20,000 samples (157 steps per epoch), 4 epochs,
   * widening after epoch 3; the first rows reach the disk at the end of epoch 1, well before it.
   */
  static List<Object> longRun(Path out) {
    return List.of(
        "run",
        "--quiet",
        "--protocols",
        "A,B,C",
        "--train-subset",
        20_000,
        "--epochs",
        4,
        "--expand-epoch",
        3,
        "--val-subset",
        256,
        "--out",
        out);
  }

  /**
   * {@code base} plus {@code more}; a flag of {@code more} already in {@code base} replaces its
   * value.
   */
  static Object[] with(List<Object> base, Object... more) {
    List<Object> all = new ArrayList<>(base);
    for (int i = 0; i < more.length; i++) {
      Object flag = more[i];
      boolean hasValue = i + 1 < more.length && !String.valueOf(more[i + 1]).startsWith("--");
      int at = all.indexOf(flag);
      if (at >= 0 && hasValue) {
        all.set(at + 1, more[++i]);
      } else {
        all.add(flag);
        if (hasValue) {
          all.add(more[++i]);
        }
      }
    }
    return all.toArray();
  }
}
