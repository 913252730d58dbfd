package dev.csrlab.reliability;

import dev.csrlab.log.heatmap.HeatmapRenderer;
import dev.csrlab.log.tensorboard.EventFileWriter;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Child-JVM program for {@link InterruptionTest}: encodes images the way a widening is logged, from
 * inside a shutdown hook — where Ctrl-C/SIGTERM leaves a run that is still finishing.
 */
public final class PngDuringShutdown {
  private PngDuringShutdown() {}

  public static void main(String[] args) {
    Path runDir = Path.of(args[0]);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
                  try (EventFileWriter w = EventFileWriter.create(runDir)) {
                    w.writeImage("Weight/Spectrum/hidden1/before", img, 1);
                    System.out.println("png bytes " + HeatmapRenderer.png(img).length);
                    System.out.println("written");
                  } catch (Throwable t) {
                    t.printStackTrace(System.out);
                  }
                }));
    System.exit(0);
  }
}
