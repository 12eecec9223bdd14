package org.musculo.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnglishWordsTests {
  @Test
  void realWordsAreKnownInBothSpellings() {
    assertThat(EnglishWords.contains("barbed")).isTrue();
    assertThat(EnglishWords.contains("painting")).isTrue();
    assertThat(EnglishWords.contains("colour")).isTrue();
    assertThat(EnglishWords.contains("color")).isTrue();
    assertThat(EnglishWords.contains("aardvark")).isTrue();
    assertThat(EnglishWords.contains("zucchini")).isTrue();
  }

  @Test
  void typosAndShortWordsAreNot() {
    assertThat(EnglishWords.contains("swolen")).isFalse();
    assertThat(EnglishWords.contains("cramo")).isFalse();
    assertThat(EnglishWords.contains("painkilers")).isFalse();
    assertThat(EnglishWords.contains("leg")).isFalse(); // under four letters: never in the list
    assertThat(EnglishWords.contains("")).isFalse();
    assertThat(EnglishWords.contains("zzzzzzzz")).isFalse();
  }
}
