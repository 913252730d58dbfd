package dev.csrlab.cli;

import dev.csrlab.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code csr-lab report <experiment dir> [--out DIR]}: HTML and Markdown report. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Write a self-contained report.html and report.md for an experiment directory.")
public final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "experiment directory (holds summary.json)")
  Path experiment;

  @Option(
      names = "--out",
      description = "where to write the report (default: the experiment" + " directory)")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(experiment.resolve("summary.json"))) {
      System.err.println(
          "error: "
              + experiment
              + " has no summary.json; pass the directory"
              + " that 'csr-lab run' printed (runs/<yyyyMMdd-HHmmss>-<name>)");
      return 2;
    }
    Path dir = out == null ? experiment : out;
    Files.createDirectories(dir);
    Path html = ReportWriter.write(experiment, dir);
    System.out.println("report: " + html);
    System.out.println("        " + html.resolveSibling("report.md"));
    return 0;
  }
}
