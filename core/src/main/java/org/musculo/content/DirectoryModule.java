package org.musculo.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.musculo.internal.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** A content module read from a directory with a {@code module.json} manifest. */
final class DirectoryModule {
  static final String MANIFEST = "module.json";

  private DirectoryModule() {}

  static ContentModule open(Path directory) {
    String where = directory.getFileName() == null ? "." : directory.getFileName().toString();
    if (!Files.isDirectory(directory)) {
      throw problem(where, "", "the content directory does not exist or is not a directory;"
          + " give the path of a directory that holds module.json and content documents");
    }
    Path manifest = directory.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw problem(where, MANIFEST, "the directory has no module.json; add one such as"
          + " {\"id\": \"my-clinic\", \"version\": \"1.0.0\"}");
    }
    JsonNode node;
    try (InputStream in = Files.newInputStream(manifest)) {
      node = Json.MAPPER.readTree(in);
    } catch (IOException | JacksonException e) {
      throw problem(where, MANIFEST, "module.json is not valid JSON; write it as"
          + " {\"id\": \"my-clinic\", \"version\": \"1.0.0\"}");
    }
    String id = text(node, "id");
    String version = text(node, "version");
    if (id == null || version == null || node.size() != 2) {
      throw problem(where, MANIFEST, "module.json must hold exactly the text fields 'id' and"
          + " 'version', such as {\"id\": \"my-clinic\", \"version\": \"1.0.0\"}");
    }
    List<ContentSource> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(directory)) {
      files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .filter(f -> !f.equals(manifest))
          .map(f -> directory.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .forEach(name -> sources.add(ContentSource.ofFile(name, directory.resolve(name))));
    } catch (IOException e) {
      throw problem(id, "", "the content directory could not be listed: " + e.getMessage());
    }
    return ContentModule.of(id, version, sources);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() && !value.asString().isBlank()
        ? value.asString()
        : null;
  }

  private static ContentException problem(String module, String file, String message) {
    return new ContentException(List.of(new ContentProblem(module, file, "", message)));
  }
}
