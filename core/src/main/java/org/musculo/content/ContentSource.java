package org.musculo.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One content document of a module: its name (used in error reports) and where its JSON comes
 * from, or the document itself when it was built in code.
 *
 * <p>Sources are read only when a knowledge base is compiled; a source that cannot be read is
 * reported as a {@link ContentProblem}, not thrown.
 *
 * @since 0.1.0
 */
public final class ContentSource {
  /**
   * Opens a stream of JSON text; a resource lookup may return {@code null} for a missing
   * resource, which is reported as a problem.
   *
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface Opener {
    /**
     * Opens the stream.
     *
     * @return the stream, or {@code null} if there is nothing to read
     * @throws IOException if reading fails
     */
    InputStream open() throws IOException;
  }

  private final String name;
  private final Opener opener;
  private final ContentDocument document;

  private ContentSource(String name, Opener opener, ContentDocument document) {
    this.name = Objects.requireNonNull(name, "name");
    this.opener = opener;
    this.document = document;
  }

  /**
   * Creates a source whose JSON text comes from a stream, such as a resource of the module's
   * own: {@code ContentSource.ofStream("conditions.json", () ->
   * MyModule.class.getResourceAsStream("conditions.json"))}. Opening from the module's own code
   * keeps resources in encapsulated packages readable.
   *
   * @param name the document's name, used in error reports
   * @param opener opens the JSON text (UTF-8)
   * @return the source
   */
  public static ContentSource ofStream(String name, Opener opener) {
    return new ContentSource(name, Objects.requireNonNull(opener, "opener"), null);
  }

  /**
   * Creates a source that reads a JSON file.
   *
   * @param name the document's name, used in error reports
   * @param file the file
   * @return the source
   */
  public static ContentSource ofFile(String name, Path file) {
    Objects.requireNonNull(file, "file");
    return ofStream(name, () -> Files.newInputStream(file));
  }

  /**
   * Creates a source from JSON text held in memory.
   *
   * @param name the document's name, used in error reports
   * @param json the JSON text
   * @return the source
   */
  public static ContentSource ofJson(String name, String json) {
    Objects.requireNonNull(json, "json");
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return ofStream(name, () -> new java.io.ByteArrayInputStream(bytes));
  }

  /**
   * Creates a source from a document built in code.
   *
   * @param name the document's name, used in error reports
   * @param document the document
   * @return the source
   */
  public static ContentSource ofDocument(String name, ContentDocument document) {
    return new ContentSource(name, null, Objects.requireNonNull(document, "document"));
  }

  /**
   * Returns the document's name, used in error reports.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  Optional<ContentDocument> document() {
    return Optional.ofNullable(document);
  }

  Opener opener() {
    return opener;
  }

  @Override
  public String toString() {
    return "ContentSource[" + name + "]";
  }
}
