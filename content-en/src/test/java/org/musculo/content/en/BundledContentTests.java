package org.musculo.content.en;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.musculo.content.KnowledgeBase;
import org.musculo.content.ModuleVersion;

class BundledContentTests {
  @Test
  void bundledContentCompilesWithoutProblems() {
    KnowledgeBase kb = KnowledgeBase.load();
    assertThat(kb.modules()).containsExactly(ModuleVersion.of(EnglishContent.ID, EnglishContent.VERSION));
    assertThat(kb.contentHash()).matches("[0-9a-f]{64}");
  }
}
