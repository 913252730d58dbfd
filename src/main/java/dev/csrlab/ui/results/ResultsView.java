package dev.csrlab.ui.results;

import dev.csrlab.ui.results.ResultsViewModel.Row;
import dev.csrlab.ui.session.Criterion;
import dev.csrlab.ui.session.Session;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The Results tab: per-variant table and the success criteria with their verdicts. */
public final class ResultsView extends BorderPane {
  private final TableView<Row> table = new TableView<>();
  private final TableView<Criterion> criteria = new TableView<>();
  private final Label note = new Label();
  private long lastVersion = -1;
  private Session lastSession;

  public ResultsView() {
    table.setId("resultsTable");
    criteria.setId("criteriaTable");
    table.getColumns().setAll(List.of(
        col("Variant", Row::variant, 150),
        col("Method", Row::method, 120),
        col("Seeds", r -> String.valueOf(r.seeds()), 60),
        col("Shock (full val)", r -> r.shock().format("%+.4f"), 150),
        col("Peak shock (subset)", r -> r.peakShock().format("%+.4f"), 150),
        col("Function error", r -> r.functionError().format("%.4f"), 140),
        col("Recovery steps", Row::recoveryText, 190),
        col("Final test accuracy", r -> r.testAccuracy().format("%.2f", x -> 100 * x, " %"),
            170),
        col("Status", r -> String.join(", ", r.statuses()), 160)));
    table.setPlaceholder(new Label("No finished run yet"));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    TableColumn<Criterion, String> verdict = new TableColumn<>("Verdict");
    verdict.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().verdict()));
    verdict.setPrefWidth(90);
    verdict.setCellFactory(c -> new VerdictCell());
    criteria.getColumns().setAll(List.of(
        critCol("Criterion (SPEC §2)", Criterion::name, 420), verdict,
        critCol("Evidence", Criterion::detail, 560)));
    criteria.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    criteria.setPrefHeight(150);
    note.setWrapText(true);
    note.setStyle("-fx-text-fill: #555;");
    Label t1 = new Label("Per variant: mean ± std over seeds");
    t1.setStyle("-fx-font-weight: bold;");
    Label t2 = new Label("Success criteria");
    t2.setStyle("-fx-font-weight: bold;");
    VBox box = new VBox(6, t1, table, t2, criteria, note);
    box.setPadding(new Insets(8));
    VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
    setCenter(box);
  }

  private static TableColumn<Row, String> col(String name, Function<Row, String> f, double w) {
    TableColumn<Row, String> c = new TableColumn<>(name);
    c.setCellValueFactory(r -> new ReadOnlyStringWrapper(f.apply(r.getValue())));
    c.setPrefWidth(w);
    return c;
  }

  private static TableColumn<Criterion, String> critCol(String name,
      Function<Criterion, String> f, double w) {
    TableColumn<Criterion, String> c = new TableColumn<>(name);
    c.setCellValueFactory(r -> new ReadOnlyStringWrapper(f.apply(r.getValue())));
    c.setPrefWidth(w);
    return c;
  }

  /** Called every frame by the app; rebuilds only when the session changed. */
  public void frame(Session s) {
    if (s == lastSession && s.version() == lastVersion) {
      return;
    }
    lastSession = s;
    lastVersion = s.version();
    List<Row> rows = ResultsViewModel.rows(s);
    if (!rows.equals(table.getItems())) {
      table.getItems().setAll(rows);
    }
    List<Criterion> cs = ResultsViewModel.criteria(s);
    if (!cs.equals(criteria.getItems())) {
      criteria.getItems().setAll(cs);
    }
    boolean provisional = cs.stream().anyMatch(Criterion::provisional);
    note.setText(provisional
        ? "Provisional: verdicts compare means of the runs finished so far. The paired statistics"
            + " (t-test, Holm, non-inferiority) are read from summary.json when the experiment"
            + " writes them."
        : "Verdicts from summary.json (paired over seeds).");
  }

  public List<Row> rows() {
    return List.copyOf(table.getItems());
  }

  private static final class VerdictCell extends javafx.scene.control.TableCell<Criterion, String> {
    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty ? null : item);
      setStyle(empty || item == null ? "" : switch (item) {
        case "holds" -> "-fx-text-fill: #1a7f37; -fx-font-weight: bold;";
        case "fails" -> "-fx-text-fill: #b42318; -fx-font-weight: bold;";
        default -> "-fx-text-fill: #666;";
      });
    }
  }
}
