package org.musculo.content;

import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The id and version of a content module a knowledge base was compiled from.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableModuleVersion.class)
@JsonDeserialize(as = ImmutableModuleVersion.class)
public abstract class ModuleVersion {
  ModuleVersion() {}

  /**
   * Returns the module id, such as {@code musculo-content-en}.
   *
   * @return the id
   */
  @Value.Parameter
  public abstract String id();

  /**
   * Returns the module version, such as {@code 0.1.0}.
   *
   * @return the version
   */
  @Value.Parameter
  public abstract String version();

  /**
   * Creates a module version.
   *
   * @param id the module id
   * @param version the module version
   * @return the module version
   */
  public static ModuleVersion of(String id, String version) {
    return ImmutableModuleVersion.of(id, version);
  }

  @Override
  public String toString() {
    return id() + "@" + version();
  }
}
