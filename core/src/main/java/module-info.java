/**
 * Musculo core: the typed model of musculoskeletal complaints, content loading and validation,
 * and the compiled knowledge base.
 *
 * <p>Content reaches the core only through the {@link org.musculo.content.ContentModule} service:
 * bundled modules are found with {@link java.util.ServiceLoader}, and integrators can add their
 * own from a directory, the class path or objects built in code.
 *
 * @uses org.musculo.content.ContentModule
 * @since 0.1.0
 */
module org.musculo.core {
  requires transitive tools.jackson.databind;
  requires static org.immutables.value.annotations;

  exports org.musculo;
  exports org.musculo.model;
  exports org.musculo.content;

  opens org.musculo to
      tools.jackson.databind;
  opens org.musculo.model to
      tools.jackson.databind;
  opens org.musculo.content to
      tools.jackson.databind;

  uses org.musculo.content.ContentModule;
}
