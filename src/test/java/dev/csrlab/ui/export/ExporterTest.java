package dev.csrlab.ui.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.growth.LayerWidening;
import dev.csrlab.train.Phase;
import dev.csrlab.train.RunKey;
import dev.csrlab.ui.chart.Metric;
import dev.csrlab.ui.history.MetricsCsv;
import dev.csrlab.ui.session.RunSeries;
import dev.csrlab.ui.session.Session;
import dev.csrlab.ui.session.WideningInfo;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {
  static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir Path dir;

  static void assertPng(Path f) throws Exception {
    byte[] b = Files.readAllBytes(f);
    assertArrayEquals(PNG_MAGIC, Arrays.copyOf(b, 8), f + " is not a PNG");
    BufferedImage img = ImageIO.read(f.toFile());
    assertTrue(img.getWidth() > 10 && img.getHeight() > 10, f + " decodes to a tiny image");
  }

  static void assertSvg(Path f) throws Exception {
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    // The SVG's DOCTYPE names a w3.org DTD; parsing must not go to the network.
    dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    var doc = dbf.newDocumentBuilder().parse(f.toFile());
    assertEquals("svg", doc.getDocumentElement().getNodeName(), f + " root element");
  }

  private static JFreeChart chart() {
    XYSeries s = new XYSeries("continuous");
    for (int i = 1; i <= 100; i++) {
      s.add(i, Math.exp(-i / 30.0));
    }
    return ChartFactory.createXYLineChart("Validation loss", "step", "loss",
        new XYSeriesCollection(s));
  }

  private static Session session() {
    Session s = new Session(ExperimentConfig.defaults());
    RunKey k = new RunKey("continuous", 0);
    RunSeries r = s.series(k);
    for (int i = 1; i <= 10; i++) {
      r.append(i, 1, 2.0 / i, 2.1 / i, 0.1 * i, 1e-3, i <= 5 ? Phase.SMALL : Phase.WIDE);
    }
    float[] sim = new float[16];
    for (int i = 0; i < 16; i++) {
      sim[i] = (i % 5 == 0) ? 1 : 0.2f;
    }
    s.putWidening(k, new WideningInfo(5, "step 5", 0.2, 0.1, List.of(new LayerWidening(1, 4, 8,
        new int[] {3, 2, 1, 0}, sim, new double[4], 1, 2, 0.5)), null));
    return s;
  }

  @Test
  void chartsBecomeValidPngAndSvg() throws Exception {
    Exporter.chartPng(chart(), dir.resolve("c.png"));
    Exporter.chartSvg(chart(), dir.resolve("c.svg"));
    assertPng(dir.resolve("c.png"));
    assertSvg(dir.resolve("c.svg"));
  }

  @Test
  void metricsCsvHasTheRunDirectoryHeaderAndReadsBack() throws Exception {
    Session s = session();
    Path f = dir.resolve("m.csv");
    Exporter.metricsCsv(s.allSeries().get(0), f);
    assertEquals("step,epoch,train_loss,val_loss,val_acc,lr,phase",
        Files.readAllLines(f).get(0));
    RunSeries back = new RunSeries(new RunKey("continuous", 0));
    MetricsCsv.read(f, back);
    assertEquals(10, back.size());
    assertEquals(2.1 / 3, back.valLoss()[2], 1e-15);
    assertEquals(Phase.WIDE, back.phaseAt(9));
  }

  @Test
  void exportAllWritesEveryKindWithDescriptiveNames() throws Exception {
    List<Path> files = Exporter.exportAll(dir, session(), Map.of(Metric.VAL_LOSS, chart()),
        LocalDateTime.of(2025, 1, 2, 3, 4, 5));
    List<String> names = files.stream().map(p -> p.getFileName().toString()).sorted().toList();
    assertEquals(List.of("chart-val-loss.png", "chart-val-loss.svg",
        "heatmap-continuous-seed0-hidden1-after-seriation.png",
        "heatmap-continuous-seed0-hidden1-before-seriation.png", "metrics-continuous-seed0.csv",
        "results-per-variant.csv"), names);
    assertEquals("export-default-20250102-030405",
        files.get(0).getParent().getFileName().toString());
    for (Path f : files) {
      if (f.toString().endsWith(".png")) {
        assertPng(f);
      } else if (f.toString().endsWith(".svg")) {
        assertSvg(f);
      }
    }
    assertTrue(Files.readString(files.get(files.size() - 1)).startsWith("variant,method,seeds,"));
  }
}
