package dev.csrlab.log.tensorboard;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writing a TensorBoard event file failed (disk full, directory removed…). Names the file and says
 * what to do; raised at the first failed write and again at every later call, so a lost record is
 * never silent.
 */
public final class EventFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public EventFileException(Path file, IOException cause) {
    super(
        "cannot write TensorBoard event file "
            + file
            + ": "
            + describe(cause)
            + ". Free disk space or choose another output directory; the file keeps every"
            + " record written before this error",
        cause);
    this.file = file;
  }

  /** The event file that could not be written. */
  public Path file() {
    return file;
  }

  private static String describe(IOException cause) {
    String msg = cause.getMessage();
    return msg == null ? cause.getClass().getSimpleName() : msg;
  }
}
