package dev.csrlab.log.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.csrlab.log.tensorboard.proto.DataType;
import dev.csrlab.log.tensorboard.proto.Event;
import dev.csrlab.log.tensorboard.proto.HParamsPluginData;
import dev.csrlab.log.tensorboard.proto.Summary;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileWriterTest {
  @TempDir Path dir;

  @Test
  void maskedCrcIsTheTfRecordMaskOfCrc32c() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    int masked = TfRecord.maskedCrc32c(check, 0, check.length);
    // Unmask: subtract the delta, rotate left by 15; CRC32C("123456789") = 0xE3069283.
    int rotated = masked - 0xa282ead8;
    int crc = (rotated << 15) | (rotated >>> 17);
    assertEquals(0xE3069283, crc);
  }

  @Test
  void firstRecordIsFileVersionAndScalarsReadBack() throws IOException {
    Path file;
    try (EventFileWriter w = EventFileWriter.create(dir)) {
      file = w.file();
      w.writeScalar("Loss/Train", 0.75, 1);
      w.writeScalar("Loss/Train", 0.5, 2);
      w.writeScalar("Accuracy/Val", 0.9125, 2);
    }
    TfEventsReader.Contents c = TfEventsReader.read(file);
    assertEquals(0, c.truncatedBytes());
    assertEquals(4, c.events().size());
    Event first = c.events().get(0);
    assertEquals("brain.Event:2", first.getFileVersion());
    double now = System.currentTimeMillis() / 1000.0;
    assertTrue(Math.abs(first.getWallTime() - now) < 60, "wall_time in seconds");
    assertEquals(List.of(1L, 2L), c.steps("Loss/Train"));
    assertEquals(0.5f, c.values("Loss/Train").get(1).getSimpleValue());
    assertEquals(0.9125f, c.values("Accuracy/Val").get(0).getSimpleValue());
  }

  @Test
  void fileNameHasTimestampHostPidAndCounter() throws IOException {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    try (EventFileWriter w = EventFileWriter.create(dir, clock)) {
      String name = w.file().getFileName().toString();
      assertTrue(
          name.matches("events\\.out\\.tfevents\\.1700000000\\.[A-Za-z0-9._-]+\\.\\d+\\.\\d+"),
          name);
      assertTrue(name.contains("." + ProcessHandle.current().pid() + "."), name);
    }
  }

  @Test
  void restartedWriterStartsNewFileAndLeavesTheOldOneIntact() throws IOException {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    Path first;
    try (EventFileWriter w = EventFileWriter.create(dir, clock)) {
      first = w.file();
      w.writeScalar("Loss/Train", 1.0, 1);
    }
    byte[] before = Files.readAllBytes(first);
    try (EventFileWriter w = EventFileWriter.create(dir, clock)) {
      assertNotEquals(first, w.file());
      w.writeScalar("Loss/Train", 2.0, 1);
    }
    assertArrayEquals(before, Files.readAllBytes(first));
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count());
    }
  }

  @Test
  void imageTextAndHparamsHaveTheShapesTensorBoardReads() throws IOException {
    BufferedImage img = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
    img.setRGB(3, 2, 0xff0000);
    Map<String, Object> hp = new LinkedHashMap<>();
    hp.put("variant", "continuous");
    hp.put("lr", 1e-3);
    hp.put("sorted", true);
    Path file;
    try (EventFileWriter w = EventFileWriter.create(dir)) {
      file = w.file();
      w.writeImage("Weight/Spectrum/hidden1/before", img, 3);
      w.writeText("config/text_summary", "| a | b |\n|---|---|\n| lr | 0.001 |", 0);
      w.writeSessionStart(hp, "continuous");
    }
    TfEventsReader.Contents c = TfEventsReader.read(file);

    Summary.Image image = c.values("Weight/Spectrum/hidden1/before").get(0).getImage();
    assertEquals(7, image.getWidth());
    assertEquals(5, image.getHeight());
    assertEquals(3, image.getColorspace());
    BufferedImage decoded =
        ImageIO.read(new ByteArrayInputStream(image.getEncodedImageString().toByteArray()));
    assertEquals(0xff0000, decoded.getRGB(3, 2) & 0xffffff);

    Summary.Value text = c.values("config/text_summary").get(0);
    assertEquals("text", text.getMetadata().getPluginData().getPluginName());
    assertEquals(DataType.DT_STRING, text.getTensor().getDtype());
    assertEquals(0, text.getTensor().getTensorShape().getDimCount());
    assertTrue(text.getTensor().getStringVal(0).toStringUtf8().contains("| lr | 0.001 |"));

    Summary.Value hpValue = c.values("_hparams_/session_start_info").get(0);
    assertEquals("hparams", hpValue.getMetadata().getPluginData().getPluginName());
    HParamsPluginData data =
        HParamsPluginData.parseFrom(hpValue.getMetadata().getPluginData().getContent());
    assertEquals(0, data.getVersion());
    assertEquals("continuous", data.getSessionStartInfo().getGroupName());
    var hparams = data.getSessionStartInfo().getHparamsMap();
    assertEquals("continuous", hparams.get("variant").getStringValue());
    assertEquals(1e-3, hparams.get("lr").getNumberValue());
    assertTrue(hparams.get("sorted").getBoolValue());
  }

  @Test
  void truncatedCopyIsReadUpToTheLastWholeRecord() throws IOException {
    Path file;
    try (EventFileWriter w = EventFileWriter.create(dir)) {
      file = w.file();
      for (int s = 1; s <= 5; s++) {
        w.writeScalar("Loss/Train", 1.0 / s, s);
      }
    }
    byte[] whole = Files.readAllBytes(file);
    for (int cut : new int[] {1, 4, 9, 20}) {
      TfEventsReader.Contents c = TfEventsReader.read(Arrays.copyOf(whole, whole.length - cut));
      assertEquals(5, c.events().size(), "cut " + cut + " leaves 1 + 4 whole records");
      assertEquals(List.of(1L, 2L, 3L, 4L), c.steps("Loss/Train"));
      assertTrue(c.truncatedBytes() > 0);
    }
  }

  @Test
  void readerRejectsACorruptedDataCrc() throws IOException {
    Path file;
    try (EventFileWriter w = EventFileWriter.create(dir)) {
      file = w.file();
      w.writeScalar("Loss/Train", 0.25, 1);
    }
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 6] ^= 0x01; // a byte of the last record's data
    assertThrows(IllegalStateException.class, () -> TfEventsReader.read(bytes));
  }

  @Test
  void recordsReachTheDiskOnlyOnFlushOrAfterTwoSeconds() throws IOException {
    AtomicLong nanos = new AtomicLong(0);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    EventFileWriter w = new EventFileWriter(dir.resolve("x"), sink, Clock.systemUTC(), nanos::get);
    int afterHeader = sink.size();
    assertTrue(afterHeader > 0, "the file-version record is flushed at once");
    w.writeScalar("Loss/Train", 1.0, 1);
    nanos.set(1_900_000_000L);
    w.writeScalar("Loss/Train", 1.0, 2);
    assertEquals(afterHeader, sink.size(), "buffered within 2 s");
    nanos.set(2_000_000_000L);
    w.writeScalar("Loss/Train", 1.0, 3);
    int afterAuto = sink.size();
    assertTrue(afterAuto > afterHeader, "flushed once 2 s passed");
    w.writeScalar("Loss/Train", 1.0, 4);
    assertEquals(afterAuto, sink.size());
    w.flush();
    assertTrue(sink.size() > afterAuto, "explicit flush");
    w.close();
    assertEquals(5, TfEventsReader.read(sink.toByteArray()).events().size());
  }

  @Test
  void diskFullRaisesAClearErrorNamingTheFileAtTheFirstFailedWrite() throws IOException {
    Path devFull = Path.of("/dev/full");
    assumeTrue(Files.isWritable(devFull), "/dev/full exists on Linux");
    EventFileException e =
        assertThrows(
            EventFileException.class,
            () -> new EventFileWriter(devFull, Files.newOutputStream(devFull)));
    assertEquals(devFull, e.file());
    assertTrue(e.getMessage().contains("/dev/full"), e.getMessage());
    assertTrue(e.getMessage().contains("Free disk space"), e.getMessage());
  }

  @Test
  void failedWriteIsRaisedAgainByEveryLaterCallAndByClose() throws IOException {
    FailingStream sink = new FailingStream(200);
    Path name = dir.resolve("events.out.tfevents.test");
    EventFileWriter w = new EventFileWriter(name, sink);
    w.writeScalar("Loss/Train", 1.0, 1);
    byte[] big = new byte[1 << 17]; // larger than the buffer: goes straight to the stream
    BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    w.writeImage("small", img, 1);
    EventFileException first =
        assertThrows(
            EventFileException.class,
            () -> w.writeText("t", new String(big, StandardCharsets.ISO_8859_1), 2));
    assertTrue(first.getMessage().contains(name.toString()));
    assertTrue(first.getMessage().contains("No space left"), first.getMessage());
    assertThrows(EventFileException.class, () -> w.writeScalar("Loss/Train", 1.0, 3));
    assertThrows(EventFileException.class, w::flush);
    assertThrows(EventFileException.class, w::close);
  }

  /** Accepts {@code capacity} bytes, then fails like a full disk. */
  private static final class FailingStream extends OutputStream {
    private int left;

    FailingStream(int capacity) {
      this.left = capacity;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > left) {
        throw new IOException("No space left on device");
      }
      left -= len;
    }
  }
}
