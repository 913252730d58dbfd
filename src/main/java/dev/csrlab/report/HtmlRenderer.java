package dev.csrlab.report;

import dev.csrlab.report.ReportDocument.Block;
import dev.csrlab.report.ReportDocument.Code;
import dev.csrlab.report.ReportDocument.Figure;
import dev.csrlab.report.ReportDocument.Heading;
import dev.csrlab.report.ReportDocument.Paragraph;
import dev.csrlab.report.ReportDocument.Table;
import java.util.Base64;
import java.util.List;

/**
 * Renders a {@link ReportDocument} as one self-contained HTML file: inline CSS, figures as base64
 * data URIs, no scripts and no external references, so it opens anywhere offline.
 */
final class HtmlRenderer {
  private static final String CSS =
      String.join(
          "\n",
          "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1100px;",
          "margin:2em auto;padding:0 1em;color:#222;line-height:1.45}",
          "table{border-collapse:collapse;margin:0.8em 0;font-size:0.88em}",
          "th,td{border:1px solid #ccc;padding:3px 7px;text-align:left;vertical-align:top}",
          "th{background:#f2f2f2}tr:nth-child(even) td{background:#fafafa}",
          "figure{margin:1em 0}figcaption{font-size:0.88em;color:#555}",
          "img{max-width:100%;border:1px solid #eee}",
          "pre{background:#f6f6f6;padding:0.8em;overflow-x:auto;font-size:0.85em}",
          ".holds{color:#1a7f37;font-weight:600}.fails{color:#c62828;font-weight:600}",
          ".not-distinguishable{color:#8a6d00;font-weight:600}.not-evaluated{color:#777}");

  private HtmlRenderer() {}

  static String render(ReportDocument doc) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(esc(doc.title()))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("\n</style>\n</head>\n<body>\n<h1>")
        .append(esc(doc.title()))
        .append("</h1>\n");
    for (Block b : doc.blocks()) {
      append(sb, b);
    }
    return sb.append("</body>\n</html>\n").toString();
  }

  private static void append(StringBuilder sb, Block b) {
    if (b instanceof Heading h) {
      int level = Math.min(6, h.level() + 1);
      sb.append("<h")
          .append(level)
          .append('>')
          .append(esc(h.text()))
          .append("</h")
          .append(level)
          .append(">\n");
    } else if (b instanceof Paragraph p) {
      sb.append("<p>").append(esc(p.text())).append("</p>\n");
    } else if (b instanceof Table t) {
      table(sb, t);
    } else if (b instanceof Figure f) {
      sb.append("<figure><img alt=\"")
          .append(esc(f.caption()))
          .append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(f.png()))
          .append("\"><figcaption>")
          .append(esc(f.caption()))
          .append("</figcaption></figure>\n");
    } else if (b instanceof Code c) {
      sb.append("<pre>").append(esc(c.text())).append("</pre>\n");
    }
  }

  private static void table(StringBuilder sb, Table t) {
    sb.append("<table>\n<tr>");
    for (String h : t.header()) {
      sb.append("<th>").append(esc(h)).append("</th>");
    }
    sb.append("</tr>\n");
    for (List<String> row : t.rows()) {
      sb.append("<tr>");
      for (String cell : row) {
        sb.append("<td").append(outcomeClass(cell)).append('>').append(esc(cell)).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</table>\n");
  }

  /** Colours a cell that is exactly a verdict outcome. */
  private static String outcomeClass(String cell) {
    return switch (cell) {
      case "holds", "fails", "not distinguishable", "not evaluated" ->
          " class=\"" + cell.replace(' ', '-') + "\"";
      default -> "";
    };
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
