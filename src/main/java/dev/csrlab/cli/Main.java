package dev.csrlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code csr-lab}: with no command it opens the window; {@code run}, {@code widen},
 * {@code report} and {@code bench} work headless with the same config.
 */
@Command(
    name = "csr-lab",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Widen neural networks mid-training: Continuous Signal Resampling vs Net2Net vs"
            + " scratch, on real MNIST.",
    subcommands = {
      RunCommand.class,
      WidenCommand.class,
      ReportCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    if (args.length == 0) {
      launchWindow();
      return;
    }
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (also used by tests). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          cmd.getErr().println("error: " + ex.getMessage());
          return 2;
        });
    return cl;
  }

  private static void launchWindow() {
    try {
      Class<?> launcher = Class.forName("dev.csrlab.ui.LabLauncher");
      launcher.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    } catch (ReflectiveOperationException e) {
      System.err.println(
          "error: the window could not start ("
              + e
              + "); use 'csr-lab run'"
              + " for a headless experiment");
      System.exit(1);
    }
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {
        "csr-lab "
            + (v == null ? "dev" : v)
            + " (DJL 0.36.0, PyTorch 2.7.1,"
            + " Java "
            + System.getProperty("java.version")
            + ")"
      };
    }
  }
}
