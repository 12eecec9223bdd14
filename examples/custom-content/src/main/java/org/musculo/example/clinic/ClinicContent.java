package org.musculo.example.clinic;

import java.util.List;
import java.util.stream.Collectors;
import org.musculo.content.ContentModule;
import org.musculo.content.ContentSource;
import org.musculo.content.en.EnglishContent;

/**
 * The example clinic's content module, {@value #ID}: its massage therapy, assisted stretching
 * and chiropractic care offered online, by phone and in person, a reworded physiotherapy entry,
 * and plantar fasciitis with its findings, cause, prevention and care.
 *
 * <p>Found by {@link java.util.ServiceLoader} beside {@value EnglishContent#ID}, whose entries it
 * overrides by naming that module in their {@code overrides} field. Its documents are the JSON
 * files of the example's {@code content} directory, packaged beside this class, so that the jar
 * and {@code musculo-triage --content content} load the same content.
 */
public final class ClinicContent implements ContentModule {
  /** The module id, as in {@code content/module.json}. */
  public static final String ID = "example-clinic";

  /** The content version, as in {@code content/module.json}; raise it whenever an entry changes. */
  public static final String VERSION = "1.0.0";

  /** The module whose entries this one overrides. */
  public static final String OVERRIDES = EnglishContent.ID;

  /** The documents, in reading order, as resources beside this class. */
  static final List<String> DOCUMENTS = List.of("services.json", "plantar-fasciitis.json");

  /** Creates the module; nothing is read until a knowledge base is compiled. */
  public ClinicContent() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public List<ContentSource> sources() {
    return DOCUMENTS.stream()
        .map(name -> ContentSource.ofStream(name, () -> ClinicContent.class.getResourceAsStream(name)))
        .collect(Collectors.toList());
  }
}
