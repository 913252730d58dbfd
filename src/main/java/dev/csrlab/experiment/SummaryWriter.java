package dev.csrlab.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.train.RunFinished;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** summary.json (SPEC §5), replaced atomically so a reader never sees half a file. */
final class SummaryWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);
  private final Path dir;
  private final ExperimentConfig config;
  private final String device;

  SummaryWriter(Path dir, ExperimentConfig config, String device) {
    this.dir = dir;
    this.config = config;
    this.device = device;
  }

  void write(List<RunFinished> runs, double wallSeconds) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", 1);
    root.put("experiment", dir.getFileName().toString());
    root.put("wall_seconds", wallSeconds);
    root.put("device", device);
    root.set("runs", MAPPER.valueToTree(runs.stream().map(RunFinished::result).toList()));
    Path tmp = dir.resolve("summary.json.tmp");
    MAPPER.writeValue(tmp.toFile(), root);
    Files.move(tmp, dir.resolve("summary.json"), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    config.getClass();
  }
}
