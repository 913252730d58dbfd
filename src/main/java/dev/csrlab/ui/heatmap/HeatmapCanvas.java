package dev.csrlab.ui.heatmap;

import java.util.function.IntConsumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * An n×n heatmap on a resizable canvas: wheel zooms about the mouse, drag pans, a click (without
 * drag) selects a row, moving reports the cell under the mouse. Cells are drawn without
 * smoothing so each unit stays a crisp square at any zoom.
 */
public final class HeatmapCanvas extends Pane {
  /** Receives (row, column) under the mouse, or (-1, -1) when it leaves the matrix. */
  public interface HoverListener {
    void hover(int row, int col);
  }

  private final Canvas canvas = new Canvas();
  private Image image;
  private int n;
  private double scale = 1;
  private double tx;
  private double ty;
  private boolean fitted;
  private int highlight = -1;
  private double pressX;
  private double pressY;
  private boolean dragged;
  private HoverListener onHover = (r, c) -> {};
  private IntConsumer onClick = r -> {};

  public HeatmapCanvas() {
    getChildren().add(canvas);
    setMinSize(120, 120);
    setStyle("-fx-background-color: #f4f4f4;");
    widthProperty().addListener((o, a, b) -> resized());
    heightProperty().addListener((o, a, b) -> resized());
    canvas.setOnScroll(e -> {
      double f = e.getDeltaY() > 0 ? 1.2 : 1 / 1.2;
      zoomAbout(e.getX(), e.getY(), f);
    });
    canvas.setOnMousePressed(e -> {
      pressX = e.getX();
      pressY = e.getY();
      dragged = false;
    });
    canvas.setOnMouseDragged(e -> {
      double dx = e.getX() - pressX;
      double dy = e.getY() - pressY;
      dragged |= Math.abs(dx) + Math.abs(dy) > 3;
      if (dragged) {
        tx += dx;
        ty += dy;
        pressX = e.getX();
        pressY = e.getY();
        draw();
      }
    });
    canvas.setOnMouseClicked(e -> {
      if (!dragged && e.getButton() == MouseButton.PRIMARY) {
        onClick.accept(row(e.getY()));
      }
    });
    canvas.setOnMouseMoved(e -> reportHover(e.getX(), e.getY()));
    canvas.setOnMouseExited(e -> onHover.hover(-1, -1));
  }

  public void setOnHover(HoverListener l) {
    onHover = l;
  }

  public void setOnCellClick(IntConsumer c) {
    onClick = c;
  }

  /** Shows an image of an n×n matrix (any resolution; it is stretched over n×n cells). */
  public void show(Image img, int size) {
    image = img;
    n = size;
    highlight = -1;
    fitted = false;
    resized();
  }

  /** Outlines row and column {@code position} (the selected unit), or none for -1. */
  public void highlight(int position) {
    highlight = position;
    draw();
  }

  public void fit() {
    double side = Math.min(getWidth(), getHeight());
    if (n == 0 || side <= 0) {
      return;
    }
    scale = side / n;
    tx = (getWidth() - side) / 2;
    ty = (getHeight() - side) / 2;
    fitted = true;
    draw();
  }

  /** Cell row/column under canvas coordinates, or -1 outside. */
  public int row(double y) {
    int r = (int) Math.floor((y - ty) / scale);
    return r >= 0 && r < n ? r : -1;
  }

  public int col(double x) {
    int c = (int) Math.floor((x - tx) / scale);
    return c >= 0 && c < n ? c : -1;
  }

  /** Canvas coordinates of the centre of cell (row, col), for tests and tooltips. */
  public double[] cellCentre(int row, int col) {
    return new double[] {tx + (col + 0.5) * scale, ty + (row + 0.5) * scale};
  }

  private void reportHover(double x, double y) {
    int r = row(y);
    int c = col(x);
    onHover.hover(r >= 0 && c >= 0 ? r : -1, r >= 0 && c >= 0 ? c : -1);
  }

  private void zoomAbout(double x, double y, double factor) {
    double s = Math.max(0.05, Math.min(200, scale * factor));
    tx = x - (x - tx) * s / scale;
    ty = y - (y - ty) * s / scale;
    scale = s;
    draw();
  }

  private void resized() {
    canvas.setWidth(getWidth());
    canvas.setHeight(getHeight());
    if (!fitted) {
      fit();
    } else {
      draw();
    }
  }

  private void draw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(Color.web("#f4f4f4"));
    g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    if (image == null || n == 0) {
      return;
    }
    g.setImageSmoothing(false);
    g.drawImage(image, tx, ty, n * scale, n * scale);
    g.setStroke(Color.web("#888888"));
    g.setLineWidth(1);
    g.strokeRect(tx, ty, n * scale, n * scale);
    if (highlight >= 0 && highlight < n) {
      g.setStroke(Color.web("#111111"));
      g.setLineWidth(1.5);
      g.strokeRect(tx, ty + highlight * scale, n * scale, scale);
      g.strokeRect(tx + highlight * scale, ty, scale, n * scale);
    }
  }
}
