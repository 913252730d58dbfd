package dev.csrlab.ui.history;

import dev.csrlab.log.NpyArray;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Finds the unit order (and Fiedler vector) saved next to a layer's similarity matrix. Accepts
 * {@code .npy} or text (numbers separated by commas, spaces or newlines; a JSON array too), with
 * any file name containing {@code hidden<l>} and {@code order} (or {@code fiedler}).
 */
final class UnitOrderFile {
  private UnitOrderFile() {}

  /** The saved order, or the identity when none is saved (then "after" equals "before"). */
  static int[] find(Path run, int hidden, int n) throws IOException {
    Optional<Path> f = locate(run, hidden, "order");
    if (f.isEmpty()) {
      return IntStream.range(0, n).toArray();
    }
    int[] order = Arrays.stream(numbers(f.get())).mapToInt(x -> (int) Math.round(x)).toArray();
    if (order.length != n || !isPermutation(order)) {
      throw new IOException(f.get() + " is not a permutation of 0.." + (n - 1));
    }
    return order;
  }

  /** The saved Fiedler vector, or an empty array. */
  static double[] findFiedler(Path run, int hidden) throws IOException {
    Optional<Path> f = locate(run, hidden, "fiedler");
    return f.isEmpty() ? new double[0] : numbers(f.get());
  }

  private static Optional<Path> locate(Path run, int hidden, String word) throws IOException {
    String tag = "hidden" + hidden;
    try (Stream<Path> files = Files.list(run)) {
      return files
          .filter(
              p -> {
                String name = p.getFileName().toString();
                int at = name.indexOf(tag);
                boolean exact =
                    at >= 0
                        && (at + tag.length() == name.length()
                            || !Character.isDigit(name.charAt(at + tag.length())));
                return exact && name.contains(word) && !name.endsWith(".png");
              })
          .sorted()
          .findFirst();
    }
  }

  private static double[] numbers(Path f) throws IOException {
    if (f.getFileName().toString().endsWith(".npy")) {
      return NpyArray.read(f).values();
    }
    String text = Files.readString(f, StandardCharsets.UTF_8).replaceAll("[\\[\\]]", " ");
    return Arrays.stream(text.split("[,\\s]+"))
        .filter(t -> !t.isBlank())
        .mapToDouble(Double::parseDouble)
        .toArray();
  }

  private static boolean isPermutation(int[] order) {
    boolean[] seen = new boolean[order.length];
    for (int o : order) {
      if (o < 0 || o >= order.length || seen[o]) {
        return false;
      }
      seen[o] = true;
    }
    return true;
  }
}
