package dev.csrlab.log.tensorboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * TFRecord framing used by TensorBoard event files (STACK.md "TensorBoard event files"): {@code
 * uint64 LE length | uint32 LE masked CRC32C(length bytes) | data | uint32 LE masked CRC32C(data)}.
 * The mask keeps a CRC of data that itself contains CRCs from looking valid.
 */
public final class TfRecord {
  /** Bytes of framing around each record's data: 8 length + 4 + 4 CRCs. */
  public static final int OVERHEAD = 16;

  private static final int MASK_DELTA = 0xa282ead8;

  private TfRecord() {}

  /** TFRecord's masked CRC32C (Castagnoli) of {@code bytes[off, off+len)}. */
  public static int maskedCrc32c(byte[] bytes, int off, int len) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, off, len);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + MASK_DELTA;
  }

  /** The framed record of {@code data}: header, data and footer in one array. */
  public static byte[] frame(byte[] data) {
    ByteBuffer buf = ByteBuffer.allocate(OVERHEAD + data.length).order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(data.length);
    buf.putInt(maskedCrc32c(buf.array(), 0, 8));
    buf.put(data);
    buf.putInt(maskedCrc32c(data, 0, data.length));
    return buf.array();
  }

  /** Writes one framed record in a single {@code write} call. */
  public static void write(OutputStream out, byte[] data) throws IOException {
    out.write(frame(data));
  }
}
