package org.musculo.content.en;

import java.util.List;
import java.util.stream.Collectors;
import org.musculo.content.ContentModule;
import org.musculo.content.ContentSource;

/**
 * The bundled English content module, {@value #ID}.
 *
 * <p>Found by {@link java.util.ServiceLoader}; integrators override its entries by naming
 * {@value #ID} in their entries' {@code overrides} field.
 *
 * @since 0.1.0
 */
public final class EnglishContent implements ContentModule {
  /** The module id. */
  public static final String ID = "musculo-content-en";

  /** The content version, raised whenever an entry changes. */
  public static final String VERSION = "0.1.0";

  /** The documents of the module, in reading order, as resources beside this class. */
  static final List<String> DOCUMENTS =
      List.of(
          "regions.json",
          "findings.json",
          "care.json",
          "red-flags.json",
          "conditions-cramps.json",
          "conditions-spine.json",
          "conditions-systemic.json",
          "conditions-emergencies.json");

  /** Creates the module; nothing is read until a knowledge base is compiled. */
  public EnglishContent() {}

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
        .map(name -> ContentSource.ofStream(name, () -> EnglishContent.class.getResourceAsStream(name)))
        .collect(Collectors.toList());
  }
}
