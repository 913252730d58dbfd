package dev.csrlab.log.tensorboard;

import dev.csrlab.log.tensorboard.proto.Event;
import dev.csrlab.log.tensorboard.proto.Status;
import dev.csrlab.log.tensorboard.proto.Summary;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes one TensorBoard event file (SPEC §3). Each instance creates a NEW file — a restarted
 * writer never appends, because a crash may leave a truncated record that TensorBoard tolerates
 * only at the very end of a file. Records are buffered and reach the disk when {@link #flush()} is
 * called (the listeners do so at widening, epoch end and close) or when a write comes at least 2 s
 * after the previous flush. The first failed write raises an {@link EventFileException} naming the
 * file, and every later call raises it again.
 *
 * <p>Thread-safe: all methods synchronise on the writer.
 */
public final class EventFileWriter implements Closeable {
  public static final String FILE_VERSION = "brain.Event:2";
  public static final String FILE_PREFIX = "events.out.tfevents.";

  static final long FLUSH_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final Path file;
  private final OutputStream out;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private long lastFlushNanos;
  private EventFileException failure;
  private boolean closed;

  /**
   * Opens a new event file {@code events.out.tfevents.<10-digit secs>.<host>.<pid>.<counter>} in
   * {@code runDir} (created if missing) and writes its first record.
   */
  public static EventFileWriter create(Path runDir) throws IOException {
    return create(runDir, Clock.systemUTC());
  }

  static EventFileWriter create(Path runDir, Clock clock) throws IOException {
    try {
      Files.createDirectories(runDir);
    } catch (IOException e) {
      throw new EventFileException(runDir, e);
    }
    long secs = clock.instant().getEpochSecond();
    String prefix = String.format("%s%010d.%s.%d.", FILE_PREFIX, secs, host(), pid());
    // CREATE_NEW: two writers (or a restarted one) never share or overwrite a file.
    for (int attempt = 0; ; attempt++) {
      Path file = runDir.resolve(prefix + COUNTER.getAndIncrement());
      OutputStream os;
      try {
        os = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
      } catch (FileAlreadyExistsException e) {
        if (attempt < 1000) {
          continue;
        }
        throw new EventFileException(file, e);
      } catch (IOException e) {
        throw new EventFileException(file, e);
      }
      return new EventFileWriter(file, os, clock, System::nanoTime);
    }
  }

  /**
   * A writer on an already opened stream (e.g. a test's failing stream, or {@code /dev/full});
   * {@code file} is the name used in messages. Writes the file-version record and flushes it.
   */
  public EventFileWriter(Path file, OutputStream sink) throws IOException {
    this(file, sink, Clock.systemUTC(), System::nanoTime);
  }

  EventFileWriter(Path file, OutputStream sink, Clock clock, LongSupplier nanoTime)
      throws IOException {
    this.file = file;
    this.out = new BufferedOutputStream(sink, 1 << 16);
    this.clock = clock;
    this.nanoTime = nanoTime;
    write(Event.newBuilder().setWallTime(wallTime()).setFileVersion(FILE_VERSION).build());
    flush();
  }

  /** The event file this writer creates. */
  public Path file() {
    return file;
  }

  public void writeScalar(String tag, double value, long step) throws IOException {
    writeValue(Summaries.scalar(tag, (float) value), step);
  }

  /** Writes the image as PNG; its colour model decides the colorspace (grey, RGB, RGBA). */
  public void writeImage(String tag, BufferedImage image, long step) throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    // An in-memory ImageIO stream: ImageIO.write(image, fmt, OutputStream) caches to a temp file
    // and registers a JVM shutdown hook, which throws "Shutdown in progress" when a widening is
    // logged while Ctrl-C/SIGTERM is stopping the run — and the run then loses its summary.
    try (ImageOutputStream ios = new MemoryCacheImageOutputStream(png)) {
      if (!ImageIO.write(image, "png", ios)) {
        throw new IllegalArgumentException("no PNG encoder for image type " + image.getType());
      }
    }
    int channels = image.getColorModel().getNumComponents();
    writeValue(
        Summaries.image(tag, png.toByteArray(), image.getWidth(), image.getHeight(), channels),
        step);
  }

  public void writeText(String tag, String markdown, long step) throws IOException {
    writeValue(Summaries.text(tag, markdown), step);
  }

  /** The hparams session start of this run (see {@link Summaries#sessionStart}). */
  public void writeSessionStart(Map<String, ?> hparams, String groupName) throws IOException {
    writeValue(Summaries.sessionStart(hparams, groupName, wallTime()), 0);
  }

  public void writeSessionEnd(Status status, long step) throws IOException {
    writeValue(Summaries.sessionEnd(status, wallTime()), step);
  }

  /** One event holding one summary value, stamped with the current wall time. */
  public void writeValue(Summary.Value value, long step) throws IOException {
    Summary summary = Summary.newBuilder().addValue(value).build();
    write(Event.newBuilder().setWallTime(wallTime()).setStep(step).setSummary(summary).build());
  }

  /** Appends one framed event; flushes if the last flush is at least 2 s old. */
  public synchronized void write(Event event) throws IOException {
    checkUsable();
    try {
      TfRecord.write(out, event.toByteArray());
      if (nanoTime.getAsLong() - lastFlushNanos >= FLUSH_INTERVAL_NANOS) {
        flushNow();
      }
    } catch (IOException e) {
      throw fail(e);
    }
  }

  /** Pushes buffered records to the file (widening, epoch end, close). */
  public synchronized void flush() throws IOException {
    checkUsable();
    try {
      flushNow();
    } catch (IOException e) {
      throw fail(e);
    }
  }

  /** Flushes and closes; raises the write failure, if any, so it is never lost. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (failure == null) {
        flushNow();
      }
    } catch (IOException e) {
      fail(e);
    } finally {
      try {
        out.close();
      } catch (IOException e) {
        if (failure == null) {
          fail(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void flushNow() throws IOException {
    out.flush();
    lastFlushNanos = nanoTime.getAsLong();
  }

  private void checkUsable() throws EventFileException {
    if (failure != null) {
      throw failure;
    }
    if (closed) {
      throw new IllegalStateException("event file " + file + " is already closed");
    }
  }

  private EventFileException fail(IOException cause) {
    failure = cause instanceof EventFileException efe ? efe : new EventFileException(file, cause);
    return failure;
  }

  private double wallTime() {
    return clock.millis() / 1000.0;
  }

  private static long pid() {
    return ProcessHandle.current().pid();
  }

  /** Host name safe for a file name; falls back to "localhost" when lookup fails. */
  static String host() {
    String name = System.getenv("HOSTNAME");
    if (name == null || name.isBlank()) {
      try {
        name = InetAddress.getLocalHost().getHostName();
      } catch (IOException | UncheckedIOException e) {
        name = "localhost";
      }
    }
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() ? "localhost" : safe;
  }
}
