package dev.csrlab.cli;

import dev.csrlab.experiment.SeedWorkers;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Starts seed workers as copies of this very program: the installed {@code csr-lab} launcher (which
 * carries its own JVM options and class path), or else this JVM's {@code java} with the same JVM
 * options, class path and main class.
 */
final class SelfLauncher implements SeedWorkers.Launcher {
  private final List<String> prefix;
  private final boolean quiet;

  SelfLauncher(boolean quiet) {
    this(prefix(), quiet);
  }

  SelfLauncher(List<String> prefix, boolean quiet) {
    this.prefix = List.copyOf(prefix);
    this.quiet = quiet;
  }

  @Override
  public ProcessBuilder worker(Path dir, List<Long> seeds, String summaryFile) {
    List<String> args = new ArrayList<>();
    args.add("run");
    args.add("--resume");
    args.add(dir.toString());
    args.add(RunCommand.WORKER_SEEDS);
    args.add(seeds.stream().map(String::valueOf).collect(Collectors.joining(",")));
    args.add(RunCommand.WORKER_SUMMARY);
    args.add(summaryFile);
    if (quiet) {
      args.add("--quiet");
    }
    return processBuilder(prefix, args);
  }

  /** This program again with {@code args}, in a process of its own. */
  static ProcessBuilder processBuilder(List<String> args) {
    return processBuilder(prefix(), args);
  }

  private static ProcessBuilder processBuilder(List<String> prefix, List<String> args) {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    // The installed (jpackage) launcher sets this for its own second pass; inherited, it makes
    // the child's launcher act as plain `java` and take "run" for the main class.
    pb.environment().remove("_JPACKAGE_LAUNCHER");
    return pb;
  }

  /** The command that starts this program again, without its arguments. */
  static List<String> prefix() {
    Optional<String> exe = ProcessHandle.current().info().command();
    if (exe.isPresent()) {
      String name = Path.of(exe.get()).getFileName().toString();
      if (!name.equals("java")
          && !name.equals("java.exe")
          && Files.isExecutable(Path.of(exe.get()))) {
        // A native launcher (jpackage's bin/csr-lab) runs this JVM in its own process.
        return List.of(exe.get());
      }
    }
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    List<String> cmd = new ArrayList<>();
    cmd.add(
        Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // A debugger agent would try to listen on the parent's port.
      if (!arg.startsWith("-agentlib:jdwp")
          && !arg.startsWith("-Xrunjdwp")
          && !arg.equals("-Xdebug")) {
        cmd.add(arg);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    return cmd;
  }
}
