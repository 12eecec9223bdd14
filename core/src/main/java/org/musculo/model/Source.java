package org.musculo.model;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * Where a fact in the content comes from: a publisher, a title, a web address and the date it
 * was read.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSource.class)
@JsonDeserialize(as = ImmutableSource.class)
public abstract class Source {
  Source() {}

  /**
   * Returns the publisher, such as {@code NICE CKS} or {@code NHS}.
   *
   * @return the publisher
   */
  public abstract String publisher();

  /**
   * Returns the title of the page or paper.
   *
   * @return the title
   */
  public abstract String title();

  /**
   * Returns the web address, an absolute {@code http} or {@code https} URL.
   *
   * @return the URL
   */
  public abstract String url();

  /**
   * Returns the date the source was read.
   *
   * @return the access date
   */
  public abstract LocalDate accessed();

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank("Source", "publisher", publisher());
    Checks.notBlank("Source", "title", title());
    try {
      URI uri = new URI(url());
      String scheme = uri.getScheme();
      if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
        throw new URISyntaxException(url(), "not an absolute http(s) URL");
      }
    } catch (URISyntaxException e) {
      throw new InvalidValueException(
          "url", "Source.url must be an absolute http(s) URL but was '" + url() + "'");
    }
  }

  /** Builds a {@link Source}. */
  public static final class Builder extends ImmutableSource.Builder {
    Builder() {}
  }
}
