package org.musculo.content;

import java.nio.file.Path;
import java.util.List;

/**
 * A module of content: an id, a version and the documents it supplies.
 *
 * <p>This is Musculo's service-provider interface. A bundled module declares {@code provides
 * org.musculo.content.ContentModule with ...} in its {@code module-info.java} (and a {@code
 * META-INF/services} entry for class-path use), and {@link KnowledgeBase#load()} finds it with
 * {@link java.util.ServiceLoader}. Integrators can also build modules from a directory ({@link
 * #fromDirectory(Path)}) or from sources and documents built in code ({@link #of(String, String,
 * List)}).
 *
 * <p>Implementations must have a public no-argument constructor when used as a service, and must
 * be cheap to construct: documents are read only when a knowledge base is compiled.
 *
 * @since 0.1.0
 */
public interface ContentModule {
  /**
   * Returns the module's id, a lower-case slug such as {@code musculo-content-en}; entries of
   * other modules name it when they override its entries.
   *
   * @return the id
   */
  String id();

  /**
   * Returns the module's version, such as {@code 0.1.0}; assessments record it.
   *
   * @return the version
   */
  String version();

  /**
   * Returns the module's documents, in the order they should be read.
   *
   * @return the sources of the documents
   */
  List<ContentSource> sources();

  /**
   * Creates a module from its id, version and sources.
   *
   * @param id the module id, a lower-case slug
   * @param version the module version
   * @param sources the documents
   * @return the module
   */
  static ContentModule of(String id, String version, List<ContentSource> sources) {
    List<ContentSource> copy = List.copyOf(sources);
    return new ContentModule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String version() {
        return version;
      }

      @Override
      public List<ContentSource> sources() {
        return copy;
      }

      @Override
      public String toString() {
        return "ContentModule[" + id + "@" + version + "]";
      }
    };
  }

  /**
   * Creates a module from a directory of JSON files.
   *
   * <p>The directory holds a manifest {@code module.json} of the form {@code {"id":
   * "my-clinic", "version": "1.0.0"}} and any number of content documents: every other file
   * ending in {@code .json}, in the directory or below it, read in the order of their relative
   * paths. Nothing is read until the knowledge base is compiled; a missing or malformed manifest
   * is then reported as a {@link ContentProblem}.
   *
   * @param directory the directory
   * @return the module
   */
  static ContentModule fromDirectory(Path directory) {
    return DirectoryModule.open(directory);
  }
}
