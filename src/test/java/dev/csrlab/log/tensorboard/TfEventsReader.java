package dev.csrlab.log.tensorboard;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.csrlab.log.tensorboard.proto.Event;
import dev.csrlab.log.tensorboard.proto.Summary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Independent reader of event files for tests, following TensorBoard's rules: every record's length
 * CRC and data CRC must match (re-computed here from CRC32C, not with {@link TfRecord}); a
 * truncated final record is tolerated and reported; a CRC mismatch is an error.
 */
public final class TfEventsReader {
  /** What a file holds: whole records, and how many trailing bytes were an incomplete record. */
  public record Contents(List<Event> events, int truncatedBytes) {
    /** Every (step, value) of a tag, in file order. */
    List<Summary.Value> values(String tag) {
      List<Summary.Value> out = new ArrayList<>();
      for (Event e : events) {
        for (Summary.Value v : e.getSummary().getValueList()) {
          if (v.getTag().equals(tag)) {
            out.add(v);
          }
        }
      }
      return out;
    }

    public List<Long> steps(String tag) {
      List<Long> out = new ArrayList<>();
      for (Event e : events) {
        for (Summary.Value v : e.getSummary().getValueList()) {
          if (v.getTag().equals(tag)) {
            out.add(e.getStep());
          }
        }
      }
      return out;
    }

    List<String> tags() {
      List<String> out = new ArrayList<>();
      for (Event e : events) {
        for (Summary.Value v : e.getSummary().getValueList()) {
          if (!out.contains(v.getTag())) {
            out.add(v.getTag());
          }
        }
      }
      return out;
    }
  }

  private TfEventsReader() {}

  public static Contents read(Path file) throws IOException {
    return read(Files.readAllBytes(file));
  }

  static Contents read(byte[] bytes) throws InvalidProtocolBufferException {
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    List<Event> events = new ArrayList<>();
    while (buf.remaining() > 0) {
      int start = buf.position();
      if (buf.remaining() < 12) {
        return new Contents(events, bytes.length - start);
      }
      long length = buf.getLong();
      int lengthCrc = buf.getInt();
      if (lengthCrc != masked(bytes, start, 8)) {
        throw new IllegalStateException("length CRC mismatch at offset " + start);
      }
      if (buf.remaining() < length + 4) {
        return new Contents(events, bytes.length - start);
      }
      int dataStart = buf.position();
      buf.position(dataStart + (int) length);
      int dataCrc = buf.getInt();
      if (dataCrc != masked(bytes, dataStart, (int) length)) {
        throw new IllegalStateException("data CRC mismatch at offset " + start);
      }
      byte[] data = new byte[(int) length];
      System.arraycopy(bytes, dataStart, data, 0, (int) length);
      events.add(Event.parseFrom(data));
    }
    return new Contents(events, 0);
  }

  private static int masked(byte[] bytes, int off, int len) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, off, len);
    long c = crc.getValue();
    long rotated = ((c >>> 15) | (c << 17)) & 0xffffffffL;
    return (int) ((rotated + 0xa282ead8L) & 0xffffffffL);
  }

  /** The one event file of a run directory. */
  public static Path onlyEventFile(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      List<Path> found =
          files.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.")).toList();
      if (found.size() != 1) {
        throw new IllegalStateException("expected one event file in " + dir + ", found " + found);
      }
      return found.get(0);
    }
  }
}
