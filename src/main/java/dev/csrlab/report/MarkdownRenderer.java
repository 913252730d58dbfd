package dev.csrlab.report;

import dev.csrlab.report.ReportDocument.Block;
import dev.csrlab.report.ReportDocument.Code;
import dev.csrlab.report.ReportDocument.Figure;
import dev.csrlab.report.ReportDocument.Heading;
import dev.csrlab.report.ReportDocument.Paragraph;
import dev.csrlab.report.ReportDocument.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Renders a {@link ReportDocument} as GitHub-flavoured Markdown with figures as sibling files. */
final class MarkdownRenderer {
  private MarkdownRenderer() {}

  /** Writes the figures into {@code outDir} and returns the Markdown text that links them. */
  static String render(ReportDocument doc, Path outDir) throws IOException {
    StringBuilder sb = new StringBuilder("# ").append(doc.title()).append("\n\n");
    for (Block b : doc.blocks()) {
      if (b instanceof Heading h) {
        sb.append("#".repeat(Math.min(6, h.level() + 1)))
            .append(' ')
            .append(h.text())
            .append("\n\n");
      } else if (b instanceof Paragraph p) {
        sb.append(p.text()).append("\n\n");
      } else if (b instanceof Table t) {
        table(sb, t);
      } else if (b instanceof Figure f) {
        Files.write(outDir.resolve(f.fileName()), f.png());
        sb.append("![")
            .append(f.caption().replace("]", ")"))
            .append("](")
            .append(f.fileName())
            .append(")\n\n*")
            .append(f.caption())
            .append("*\n\n");
      } else if (b instanceof Code c) {
        sb.append("```json\n").append(c.text().strip()).append("\n```\n\n");
      }
    }
    return sb.toString();
  }

  private static void table(StringBuilder sb, Table t) {
    row(sb, t.header());
    sb.append('|').append(" --- |".repeat(t.header().size())).append('\n');
    for (List<String> r : t.rows()) {
      row(sb, r);
    }
    sb.append('\n');
  }

  private static void row(StringBuilder sb, List<String> cells) {
    sb.append('|');
    for (String c : cells) {
      sb.append(' ').append(c == null ? "" : c.replace("|", "\\|").replace("\n", " ")).append(" |");
    }
    sb.append('\n');
  }
}
