package org.musculo;

import java.util.List;
import org.immutables.value.Value;
import org.musculo.content.ModuleVersion;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The knowledge and engine that produced an assessment, so that it can be traced and replayed.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableProvenance.class)
@JsonDeserialize(as = ImmutableProvenance.class)
public abstract class Provenance {
  Provenance() {}

  /**
   * Returns the content modules of the knowledge base, with their versions.
   *
   * @return the modules
   */
  public abstract List<ModuleVersion> modules();

  /**
   * Returns the SHA-256 hash of the modules (ids and versions) and the compiled content; see
   * {@link org.musculo.content.KnowledgeBase#contentHash()}.
   *
   * @return the content hash
   */
  public abstract String contentHash();

  /**
   * Returns the version of musculo-core.
   *
   * @return the engine version
   */
  public abstract String engineVersion();

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Provenance}. */
  public static final class Builder extends ImmutableProvenance.Builder {
    Builder() {}
  }
}
