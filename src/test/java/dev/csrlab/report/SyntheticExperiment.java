package dev.csrlab.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csrlab.config.ConfigJson;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.stats.RunFixtures;
import dev.csrlab.stats.SummaryCodec;
import dev.csrlab.train.RunResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Writes a small experiment directory laid out as SPEC §5, for report tests. */
final class SyntheticExperiment {
  static final int STEPS = 600;
  static final int N = 300;

  private SyntheticExperiment() {}

  static List<RunResult> write(Path dir, List<String> variants, int seeds) throws IOException {
    Files.createDirectories(dir);
    List<Long> seedList = new ArrayList<>();
    for (long s = 0; s < seeds; s++) {
      seedList.add(s);
    }
    ExperimentConfig config = RunFixtures.config(seedList, variants.toArray(String[]::new));
    ConfigJson.write(config, dir.resolve("config.json"));
    List<RunResult> runs = new ArrayList<>();
    for (String v : variants) {
      for (long s = 0; s < seeds; s++) {
        RunResult r =
            RunFixtures.run(
                v,
                s,
                v.equals("continuous") ? 0.12 + 0.01 * s : 1e-4,
                v.equals("continuous") ? 40 + s : 0,
                0.975 + 0.001 * s);
        r =
            new RunResult(
                r.variant(),
                r.method(),
                r.seed(),
                r.status(),
                r.wideningStep() < 0 ? -1 : N,
                r.trigger(),
                r.shock(),
                r.peakShock(),
                r.excessLossArea(),
                r.functionError(),
                r.functionKl(),
                r.recoverySteps(),
                r.recovered(),
                r.valLossAtN100(),
                r.valLossAtN500(),
                r.bestValLoss(),
                r.bestValEpoch(),
                r.finalTestAccuracy(),
                r.finalTestLoss(),
                STEPS,
                r.trainFlops(),
                r.seconds(),
                r.pathSimilarity());
        runs.add(r);
        Path runDir = dir.resolve(v + "-seed" + s);
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("metrics.csv"), csv(r, s));
        if (s == 0 && r.wideningStep() >= 0) {
          heatmap(runDir.resolve("heatmap-hidden1-before.png"), 0);
          heatmap(runDir.resolve("heatmap-hidden1-after.png"), 1);
        }
      }
    }
    ObjectNode root = SummaryCodec.mapper().createObjectNode();
    root.put("schemaVersion", 1);
    root.put("experiment", dir.getFileName().toString());
    root.put("created", "2026-12-04T21:00:00Z");
    ObjectNode env = root.putObject("environment");
    env.put("java", "17.0.15");
    env.put("os", "Linux");
    env.put("cores", 2);
    env.put("djl", "0.36.0");
    env.put("pytorch", "2.7.1");
    env.put("device", "cpu()");
    env.put("git_commit", "abc123");
    root.put("wall_seconds", 123.4);
    root.set("runs", SummaryCodec.runsToJson(runs));
    Files.writeString(dir.resolve("summary.json"), SummaryCodec.mapper().writeValueAsString(root));
    return runs;
  }

  /** A decaying loss with a bump after widening for the continuous variant. */
  private static String csv(RunResult r, long seed) {
    StringBuilder sb = new StringBuilder("step,epoch,train_loss,val_loss,val_acc,lr,phase\n");
    boolean widens = r.wideningStep() >= 0;
    for (int step = 1; step <= STEPS; step++) {
      double loss = 2.0 * Math.exp(-step / 150.0) + 0.1 + 0.01 * seed;
      if (r.variant().equals("continuous") && step > N) {
        loss += 0.3 * Math.exp(-(step - N) / 20.0);
      }
      String phase = !widens || step > N ? "wide" : "small";
      sb.append(
          String.format(
              Locale.ROOT,
              "%d,%d,%.5f,%.5f,%.5f,0.001,%s%n",
              step,
              step / 200,
              loss * 1.05,
              loss,
              1 - loss / 2.5,
              phase));
    }
    return sb.toString();
  }

  private static void heatmap(Path file, int flavour) throws IOException {
    BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        int v = flavour == 0 ? (i * j * 7) % 256 : 255 - 15 * Math.abs(i - j);
        img.setRGB(i, j, (v << 16) | (v << 8) | v);
      }
    }
    ImageIO.write(img, "png", file.toFile());
  }
}
