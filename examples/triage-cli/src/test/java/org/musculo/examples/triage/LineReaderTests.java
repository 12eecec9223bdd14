package org.musculo.examples.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTests {
  private static List<LineReader.Line> read(String text) throws IOException {
    LineReader r = new LineReader(new StringReader(text));
    List<LineReader.Line> lines = new ArrayList<>();
    LineReader.Line line;
    while ((line = r.next()) != null) {
      lines.add(line);
    }
    return lines;
  }

  @Test
  void numbersEveryLineIncludingBlankOnes() throws IOException {
    assertThat(read("a\n\nb\n")).containsExactly(
        new LineReader.Line(1, "a"), new LineReader.Line(2, ""), new LineReader.Line(3, "b"));
  }

  @Test
  void theLastLineNeedsNoLineBreak() throws IOException {
    assertThat(read("a\nb")).extracting(LineReader.Line::text).containsExactly("a", "b");
  }

  @Test
  void dropsTheCarriageReturnOfWindowsLineEnds() throws IOException {
    assertThat(read("a\r\nb\r\n")).extracting(LineReader.Line::text).containsExactly("a", "b");
  }

  @Test
  void anEmptyInputHasNoLines() throws IOException {
    assertThat(read("")).isEmpty();
  }

  @Test
  void aLineLongerThanTheLimitIsReportedWithoutItsTextAndTheNextLineIsRead() throws IOException {
    List<LineReader.Line> lines = read("x".repeat(LineReader.MAX_CHARS + 1) + "\nnext\n");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).tooLong()).isTrue();
    assertThat(lines.get(1)).isEqualTo(new LineReader.Line(2, "next"));
  }

  @Test
  void aLineOfExactlyTheLimitIsKept() throws IOException {
    List<LineReader.Line> lines = read("x".repeat(LineReader.MAX_CHARS) + "\r\n");
    assertThat(lines.get(0).tooLong()).isFalse();
    assertThat(lines.get(0).text()).hasSize(LineReader.MAX_CHARS);
  }

  @Test
  void whitespaceOnlyLinesAreBlank() throws IOException {
    assertThat(read(" \t\n")).allMatch(LineReader.Line::blank);
  }
}
