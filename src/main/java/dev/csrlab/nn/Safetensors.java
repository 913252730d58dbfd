package dev.csrlab.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MLP checkpoints in the safetensors format (8-byte little-endian header length, JSON header with
 * dtype/shape/data_offsets, raw little-endian data), with PyTorch names: {@code layers.<i>.weight}
 * [out, in] and {@code layers.<i>.bias}, i counting Linear layers. AdamW state is optional: {@code
 * exp_avg.layers.<i>.weight}, {@code exp_avg_sq.…}; step counts and widths go in {@code
 * __metadata__}. Only F32 data is written or accepted; the header is parsed as data.
 */
public final class Safetensors {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Refuse absurd headers before allocating (the format's own reference limit is 100 MB). */
  private static final long MAX_HEADER = 100L << 20;

  private Safetensors() {}

  /** A checkpoint: weights, optional optimizer state, free-form metadata. */
  public record Checkpoint(
      MlpWeights weights, OptimizerState state, Map<String, String> metadata) {}

  /** Writes atomically (temp file + rename) so a failed write never leaves half a checkpoint. */
  public static void write(Path file, MlpWeights w, OptimizerState s, Map<String, String> meta)
      throws IOException {
    Map<String, float[]> tensors = new LinkedHashMap<>();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    put(tensors, shapes, "", w);
    Map<String, String> metadata = new LinkedHashMap<>(meta);
    metadata.put("format", "pt");
    metadata.put("hidden_widths", w.hiddenWidths().toString().replace(" ", ""));
    if (s != null) {
      put(tensors, shapes, "exp_avg.", s.expAvg());
      put(tensors, shapes, "exp_avg_sq.", s.expAvgSq());
      metadata.put("weight_steps", join(s.weightSteps()));
      metadata.put("bias_steps", join(s.biasSteps()));
    }
    ObjectNode header = JSON.createObjectNode();
    ObjectNode md = header.putObject("__metadata__");
    metadata.forEach(md::put);
    long offset = 0;
    for (Map.Entry<String, float[]> e : tensors.entrySet()) {
      ObjectNode t = header.putObject(e.getKey());
      t.put("dtype", "F32");
      ArrayNode shape = t.putArray("shape");
      for (long d : shapes.get(e.getKey())) {
        shape.add(d);
      }
      long bytes = 4L * e.getValue().length;
      t.putArray("data_offsets").add(offset).add(offset + bytes);
      offset += bytes;
    }
    byte[] h = JSON.writeValueAsBytes(header);
    int pad = (8 - h.length % 8) % 8;
    byte[] headerBytes = new byte[h.length + pad];
    System.arraycopy(h, 0, headerBytes, 0, h.length);
    java.util.Arrays.fill(headerBytes, h.length, headerBytes.length, (byte) ' ');
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      len.putLong(headerBytes.length);
      out.write(len.array());
      out.write(headerBytes);
      for (float[] data : tensors.values()) {
        ByteBuffer b = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(data);
        out.write(b.array());
      }
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw new IOException("could not write checkpoint " + file + ": " + e.getMessage(), e);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void put(
      Map<String, float[]> t, Map<String, long[]> s, String prefix, MlpWeights w) {
    for (int i = 0; i < w.layers().size(); i++) {
      DenseLayer l = w.layers().get(i);
      t.put(prefix + "layers." + i + ".weight", l.weight());
      s.put(prefix + "layers." + i + ".weight", new long[] {l.outFeatures(), l.inFeatures()});
      t.put(prefix + "layers." + i + ".bias", l.bias());
      s.put(prefix + "layers." + i + ".bias", new long[] {l.outFeatures()});
    }
  }

  private static String join(long[] v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : ",").append(v[i]);
    }
    return sb.toString();
  }

  /** Reads a checkpoint written by this class, PyTorch or numpy (F32 MLP tensors). */
  public static Checkpoint read(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < 8) {
      throw bad(file, "shorter than the 8-byte header length");
    }
    long n = ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    if (n <= 0 || n > MAX_HEADER || 8 + n > all.length) {
      throw bad(file, "header length " + n + " does not fit the file (" + all.length + " bytes)");
    }
    JsonNode header;
    try {
      header = JSON.readTree(new String(all, 8, (int) n, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw bad(file, "header is not valid JSON (" + e.getMessage() + ")");
    }
    Map<String, String> meta = new LinkedHashMap<>();
    Map<String, float[]> tensors = new LinkedHashMap<>();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = header.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("__metadata__")) {
        e.getValue().fields().forEachRemaining(m -> meta.put(m.getKey(), m.getValue().asText()));
        continue;
      }
      JsonNode t = e.getValue();
      if (!"F32".equals(t.path("dtype").asText())) {
        throw bad(
            file,
            "tensor "
                + e.getKey()
                + " has dtype "
                + t.path("dtype")
                + "; only F32 is supported (save with torch.float32)");
      }
      long begin = t.path("data_offsets").path(0).asLong(-1);
      long end = t.path("data_offsets").path(1).asLong(-1);
      long[] shape = new long[t.path("shape").size()];
      long count = 1;
      for (int i = 0; i < shape.length; i++) {
        shape[i] = t.path("shape").path(i).asLong();
        count *= shape[i];
      }
      if (begin < 0 || end < begin || 8 + n + end > all.length || end - begin != 4 * count) {
        throw bad(
            file,
            "tensor "
                + e.getKey()
                + " has data_offsets ["
                + begin
                + ", "
                + end
                + "] that do not match its shape or the file size");
      }
      float[] data = new float[(int) count];
      ByteBuffer.wrap(all, (int) (8 + n + begin), (int) (end - begin))
          .order(ByteOrder.LITTLE_ENDIAN)
          .asFloatBuffer()
          .get(data);
      tensors.put(e.getKey(), data);
      shapes.put(e.getKey(), shape);
    }
    MlpWeights w = weights(file, tensors, shapes, "");
    OptimizerState s = null;
    if (tensors.containsKey("exp_avg.layers.0.weight")) {
      int layers = w.layers().size();
      s =
          new OptimizerState(
              weights(file, tensors, shapes, "exp_avg."),
              weights(file, tensors, shapes, "exp_avg_sq."),
              steps(file, "weight_steps", meta.get("weight_steps"), layers),
              steps(file, "bias_steps", meta.get("bias_steps"), layers));
    }
    return new Checkpoint(w, s, meta);
  }

  private static MlpWeights weights(
      Path file, Map<String, float[]> t, Map<String, long[]> s, String prefix) throws IOException {
    List<DenseLayer> layers = new ArrayList<>();
    for (int i = 0; t.containsKey(prefix + "layers." + i + ".weight"); i++) {
      String wn = prefix + "layers." + i + ".weight";
      String bn = prefix + "layers." + i + ".bias";
      long[] shape = s.get(wn);
      if (shape.length != 2 || !t.containsKey(bn) || s.get(bn)[0] != shape[0]) {
        throw bad(file, wn + " must be [out, in] with a matching " + bn);
      }
      layers.add(new DenseLayer((int) shape[0], (int) shape[1], t.get(wn), t.get(bn)));
    }
    if (layers.isEmpty()) {
      throw bad(
          file,
          "no tensor named "
              + prefix
              + "layers.0.weight (expected PyTorch names"
              + " layers.<i>.weight / layers.<i>.bias for each Linear layer)");
    }
    try {
      return new MlpWeights(layers);
    } catch (IllegalArgumentException e) {
      throw bad(file, e.getMessage());
    }
  }

  private static long[] steps(Path file, String key, String text, int layers) throws IOException {
    long[] v = new long[layers];
    if (text != null && !text.isBlank()) {
      String[] parts = text.split(",");
      for (int i = 0; i < Math.min(layers, parts.length); i++) {
        try {
          v[i] = Long.parseLong(parts[i].trim());
        } catch (NumberFormatException e) {
          throw bad(
              file,
              "metadata "
                  + key
                  + " '"
                  + text
                  + "' must be comma-separated step"
                  + " counts, one per layer");
        }
      }
    }
    return v;
  }

  private static IOException bad(Path file, String what) {
    return new IOException("checkpoint " + file + " is not a usable safetensors MLP: " + what);
  }
}
