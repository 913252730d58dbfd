package dev.csrlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path tmp;

  @Test
  void htmlReportIsSelfContainedWithVerdictsTablesAndEmbeddedImages() throws IOException {
    Path exp = tmp.resolve("20261204-210000-default");
    SyntheticExperiment.write(exp, List.of("net2net", "continuous"), 2);
    Path out = tmp.resolve("report");
    Path html = ReportWriter.write(exp, out);
    assertEquals(out.resolve("report.html"), html);
    String text = Files.readString(html);

    assertFalse(
        Pattern.compile("(src|href)\\s*=\\s*\"(https?:|//|file:)").matcher(text).find(),
        "no external references");
    assertFalse(text.contains("<script") || text.contains("<link"), "nothing to fetch or run");
    List<String> images = embeddedImages(text);
    int imgTags = text.split("<img ", -1).length - 1;
    assertEquals(imgTags, images.size(), "every image is a base64 data URI");
    assertEquals(8, images.size(), "4 charts + before/after heatmap of both widened variants");
    BufferedImage chart =
        ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.get(0))));
    assertEquals(Charts.WIDTH, chart.getWidth());
    assertEquals(Charts.HEIGHT, chart.getHeight());

    assertTrue(text.contains("Success criteria"));
    assertTrue(text.contains("C&#39;s expansion shock") || text.contains("C's expansion shock"));
    assertTrue(text.contains("class=\"fails\""), "criterion 1 fails: B's shock ≈ 0");
    assertTrue(text.contains("class=\"not-evaluated\""), "criterion 3 needs scratch");
    assertTrue(
        text.contains("Not evaluated: the experiment has no A (variant &#39;scratch&#39;)")
            || text.contains("Not evaluated: the experiment has no A (variant 'scratch')"));
    assertTrue(text.contains("function-preserving"));
    assertTrue(text.contains("What these seeds can resolve"));
    assertTrue(
        text.split("<table>", -1).length - 1 >= 6,
        "verdicts, stats, comparisons, NI," + " recovery, runs, environment tables");
    assertTrue(text.contains("continuous − net2net"));
    assertTrue(text.contains("abc123") && text.contains("0.36.0") && text.contains("2.7.1"));
    assertTrue(text.contains("&quot;nonInferiorityMargin&quot;"), "config JSON is shown");
  }

  @Test
  void markdownReportLinksFiguresWrittenBesideIt() throws IOException {
    Path exp = tmp.resolve("exp");
    SyntheticExperiment.write(exp, List.of("net2net", "continuous"), 2);
    Path out = tmp.resolve("out");
    ReportWriter.write(exp, out);
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("## Success criteria (SPEC §2)"));
    assertTrue(md.contains("| (1) |"));
    Matcher m = Pattern.compile("!\\[[^\\]]*\\]\\(([^)]+)\\)").matcher(md);
    int n = 0;
    while (m.find()) {
      Path img = out.resolve(m.group(1));
      assertTrue(Files.isRegularFile(img), "figure file exists: " + img);
      assertTrue(ImageIO.read(img.toFile()) != null, "figure is a readable PNG: " + img);
      n++;
    }
    assertEquals(8, n);
    assertTrue(Files.exists(out.resolve("continuous-seed0-heatmap-hidden1-after.png")));
  }

  @Test
  void missingOptionalPartsBecomeWarningsNotFailures() throws IOException {
    Path exp = tmp.resolve("partial");
    SyntheticExperiment.write(exp, List.of("scratch", "net2net", "continuous"), 2);
    Files.delete(exp.resolve("config.json"));
    Files.delete(exp.resolve("net2net-seed1").resolve("metrics.csv"));
    String text = Files.readString(ReportWriter.write(exp, tmp.resolve("r")));
    assertTrue(text.contains("Warning: config.json not found"));
    assertTrue(text.contains("Warning: no metrics.csv for run net2net-seed1"));
  }

  @Test
  void directoryWithoutSummaryIsAClearError() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    IOException e =
        assertThrows(IOException.class, () -> ReportWriter.write(empty, tmp.resolve("x")));
    assertTrue(e.getMessage().contains("summary.json not found"), e.getMessage());
  }

  private static List<String> embeddedImages(String html) {
    Matcher m =
        Pattern.compile("<img [^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
