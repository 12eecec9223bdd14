/**
 * An integrator's content module for a muscle and spine clinic: the clinic's services with their
 * consultation channels, a condition of its own (plantar fasciitis) and a reworded bundled
 * treatment, beside the bundled English content.
 *
 * <p>Registers {@link org.musculo.example.clinic.ClinicContent} as a {@link
 * org.musculo.content.ContentModule} service, here for the module path and in {@code
 * META-INF/services} for the class path, so that {@code KnowledgeBase.load()} finds it.
 *
 * @provides org.musculo.content.ContentModule
 */
module org.musculo.example.clinic {
  requires transitive org.musculo.core;
  // its entries override entries of musculo-content-en, which must therefore be loaded too
  requires org.musculo.content.en;

  exports org.musculo.example.clinic;

  provides org.musculo.content.ContentModule with
      org.musculo.example.clinic.ClinicContent;
}
