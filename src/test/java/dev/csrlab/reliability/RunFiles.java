package dev.csrlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csrlab.log.tensorboard.TfEventsReader;
import dev.csrlab.log.tensorboard.proto.Event;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Checks that what a run left on disk is whole and readable: metrics.csv parses row by row, every
 * record of an event file passes TensorBoard's two CRC checks, summary.json is JSON, and no
 * temporary or partial file is left behind.
 */
final class RunFiles {
  static final String METRICS_HEADER = "step,epoch,train_loss,val_loss,val_acc,lr,phase";

  /** One metrics.csv row (SPEC §5). */
  record Row(
      long step,
      int epoch,
      double trainLoss,
      double valLoss,
      double valAcc,
      double lr,
      String phase) {}

  private RunFiles() {}

  /** The only experiment directory under {@code out}. */
  static Path onlyExperiment(Path out) throws IOException {
    List<Path> dirs = experiments(out);
    assertEquals(1, dirs.size(), "experiment directories under " + out + ": " + dirs);
    return dirs.get(0);
  }

  static List<Path> experiments(Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  static JsonNode summary(Path experiment) throws IOException {
    return new ObjectMapper().readTree(experiment.resolve("summary.json").toFile());
  }

  /** Status of every run in summary.json, keyed by run directory name. */
  static Map<String, String> statuses(JsonNode summary) {
    Map<String, String> m = new TreeMap<>();
    for (JsonNode r : summary.get("runs")) {
      m.put(r.get("variant").asText() + "-seed" + r.get("seed").asLong(), r.get("status").asText());
    }
    return m;
  }

  /** Parses metrics.csv strictly: exact header, 7 fields, steps 1, 2, 3… without gaps. */
  static List<Row> metrics(Path runDir) throws IOException {
    List<String> lines = Files.readAllLines(runDir.resolve("metrics.csv"));
    assertEquals(METRICS_HEADER, lines.get(0), runDir + "/metrics.csv header");
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      assertEquals(
          7,
          f.length,
          "fields in line " + (i + 1) + " of " + runDir + "/metrics.csv: " + lines.get(i));
      Row r =
          new Row(
              Long.parseLong(f[0]),
              Integer.parseInt(f[1]),
              number(f[2]),
              number(f[3]),
              number(f[4]),
              number(f[5]),
              f[6]);
      assertEquals(i, r.step(), "steps count up from 1 in " + runDir + "/metrics.csv");
      assertTrue(r.phase().equals("small") || r.phase().equals("wide"), r.phase());
      rows.add(r);
    }
    return rows;
  }

  /** Numbers as numpy/pandas spell them (the CSV writes nan, inf, -inf). */
  private static double number(String s) {
    return switch (s) {
      case "nan" -> Double.NaN;
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }

  /** Every event of the run's only event file, each record CRC-checked; no trailing bytes. */
  static List<Event> events(Path runDir) throws IOException {
    return readRecords(TfEventsReader.onlyEventFile(runDir));
  }

  /** The steps at which {@code tag} was written. */
  static List<Long> steps(List<Event> events, String tag) {
    return new TfEventsReader.Contents(events, 0).steps(tag);
  }

  /**
   * TFRecord framing as TensorBoard reads it ({@link TfEventsReader}: both CRCs checked). A cleanly
   * closed file ends exactly at a record boundary and starts with the file_version record.
   */
  static List<Event> readRecords(Path file) throws IOException {
    return readRecords(file, false);
  }

  /**
   * As {@link #readRecords(Path)}; with {@code allowTruncatedTail} an incomplete last record (a
   * write cut off by a full disk or a crash) is tolerated, as TensorBoard does — a CRC error never.
   */
  static List<Event> readRecords(Path file, boolean allowTruncatedTail) throws IOException {
    TfEventsReader.Contents c = TfEventsReader.read(file);
    if (!allowTruncatedTail) {
      assertEquals(0, c.truncatedBytes(), file + ": bytes of an incomplete last record");
    }
    assertTrue(
        !c.events().isEmpty() && c.events().get(0).getFileVersion().equals("brain.Event:2"),
        file + " starts with the file_version record");
    return c.events();
  }

  /** Fails if a temporary, partial or probe file is left anywhere under {@code root}. */
  static void assertNoLeftovers(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      List<Path> bad =
          s.filter(
                  p -> {
                    String n = p.getFileName().toString();
                    return n.endsWith(".tmp")
                        || n.endsWith(".part")
                        || n.startsWith(".staging-")
                        || n.startsWith(".write-probe");
                  })
              .toList();
      assertTrue(bad.isEmpty(), "left-over temporary files: " + bad);
    }
  }

  /** Every file under {@code dir} with its size and SHA-256, to prove it was left untouched. */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(
            dir.relativize(p).toString(),
            Files.size(p) + " " + sha256(p) + " " + Files.getLastModifiedTime(p));
      }
    }
    return m;
  }

  private static String sha256(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int r; (r = in.read(buf)) >= 0; ) {
        md.update(buf, 0, r);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Checks metrics.csv and the event file of every run directory of an experiment. */
  static void assertRunFilesValid(Path experiment) throws IOException {
    try (Stream<Path> s = Files.list(experiment)) {
      for (Path run :
          s.filter(d -> Files.isDirectory(d) && d.getFileName().toString().matches(".+-seed\\d+"))
              .toList()) {
        List<Row> rows = metrics(run);
        List<Event> events = events(run);
        assertEquals(
            rows.stream().map(Row::step).toList(),
            steps(events, "Loss/Train"),
            run + ": Loss/Train in the event file has one point per metrics.csv row");
      }
    }
    assertNoLeftovers(experiment);
  }
}
