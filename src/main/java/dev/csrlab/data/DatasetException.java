package dev.csrlab.data;

import java.io.IOException;

/**
 * A dataset that cannot be read or obtained. The message always names the file or source, what is
 * wrong, and how to fix it, so the CLI and the window can show it as is.
 */
public final class DatasetException extends IOException {
  private static final long serialVersionUID = 1L;

  public DatasetException(String message) {
    super(message);
  }

  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
