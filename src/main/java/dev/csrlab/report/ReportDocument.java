package dev.csrlab.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's content, independent of format, so report.html and report.md say the same thing:
 * {@link HtmlRenderer} embeds figures as base64, {@link MarkdownRenderer} writes them as files.
 */
public record ReportDocument(String title, List<Block> blocks) {

  /** One piece of the report, in reading order. */
  public sealed interface Block permits Heading, Paragraph, Table, Figure, Code {}

  public record Heading(int level, String text) implements Block {}

  public record Paragraph(String text) implements Block {}

  /** A table of plain-text cells. */
  public record Table(List<String> header, List<List<String>> rows) implements Block {}

  /** A PNG image; {@code fileName} is its name next to report.md. */
  public record Figure(String fileName, byte[] png, String caption) implements Block {}

  /** Preformatted text (the config JSON). */
  public record Code(String text) implements Block {}

  /** Collects blocks in order. */
  public static final class Builder {
    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    public Builder(String title) {
      this.title = title;
    }

    public Builder heading(int level, String text) {
      blocks.add(new Heading(level, text));
      return this;
    }

    public Builder paragraph(String text) {
      blocks.add(new Paragraph(text));
      return this;
    }

    public Builder table(List<String> header, List<List<String>> rows) {
      blocks.add(new Table(List.copyOf(header), rows.stream().map(List::copyOf).toList()));
      return this;
    }

    public Builder figure(String fileName, byte[] png, String caption) {
      blocks.add(new Figure(fileName, png, caption));
      return this;
    }

    public Builder code(String text) {
      blocks.add(new Code(text));
      return this;
    }

    public ReportDocument build() {
      return new ReportDocument(title, List.copyOf(blocks));
    }
  }
}
