package dev.csrlab.data;

/**
 * Images of one idx3 file: {@code count} images of {@code rows × cols} uint8 pixels, row-major,
 * image after image (pixel p of image i at {@code pixels[i * rows * cols + p]}).
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {
  public IdxImages {
    if ((long) count * rows * cols != pixels.length) {
      throw new IllegalArgumentException(
          count
              + " images of "
              + rows
              + "x"
              + cols
              + " need "
              + (long) count * rows * cols
              + " pixels, got "
              + pixels.length);
    }
  }
}
