/**
 * Musculo's entry point and its results: build a {@link org.musculo.Musculo} once, then {@link
 * org.musculo.Musculo#assess(org.musculo.Presentation) assess} what patients report.
 *
 * <p>Every {@link org.musculo.Assessment} is decision support, not a diagnosis, and says so.
 */
@MusculoStyle
package org.musculo;

import org.musculo.model.MusculoStyle;
