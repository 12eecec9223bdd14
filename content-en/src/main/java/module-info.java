/**
 * Musculo's bundled English knowledge: musculoskeletal conditions and their look-alikes, with
 * findings, red flags, causes, prevention and treatments, each sourced.
 *
 * <p>Registers {@link org.musculo.content.en.EnglishContent} as a {@link
 * org.musculo.content.ContentModule} service, so that {@code KnowledgeBase.load()} finds it.
 *
 * @provides org.musculo.content.ContentModule
 * @since 0.1.0
 */
module org.musculo.content.en {
  requires transitive org.musculo.core;

  exports org.musculo.content.en;

  provides org.musculo.content.ContentModule with
      org.musculo.content.en.EnglishContent;
}
