package org.musculo.model;

import java.util.Optional;

/**
 * An entry of content that has a stable id and may replace an entry of another module.
 *
 * @since 0.1.0
 */
public interface ContentEntry {
  /**
   * Returns the entry's id: a stable, lower-case slug such as {@code calf-cramp}.
   *
   * @return the id
   */
  String id();

  /**
   * Returns the id of the content module whose entry of the same id this one replaces.
   *
   * <p>Overriding is always explicit: two entries with the same id and no declared override are
   * an error.
   *
   * @return the overridden module's id, or empty if this entry replaces nothing
   */
  Optional<String> overrides();
}
