package org.musculo.content;

import java.util.List;
import java.util.function.Function;
import org.musculo.model.BodyRegion;
import org.musculo.model.Cause;
import org.musculo.model.Condition;
import org.musculo.model.ContentEntry;
import org.musculo.model.Finding;
import org.musculo.model.PreventionMeasure;
import org.musculo.model.RedFlag;
import org.musculo.model.Treatment;

/** The kinds of entries a content document lists, with their JSON keys. */
enum EntryKind {
  REGION("regions", "body region", BodyRegion.class, ContentDocument::regions),
  FINDING("findings", "finding", Finding.class, ContentDocument::findings),
  CAUSE("causes", "cause", Cause.class, ContentDocument::causes),
  PREVENTION(
      "preventionMeasures",
      "prevention measure",
      PreventionMeasure.class,
      ContentDocument::preventionMeasures),
  TREATMENT("treatments", "treatment", Treatment.class, ContentDocument::treatments),
  CONDITION("conditions", "condition", Condition.class, ContentDocument::conditions),
  RED_FLAG("redFlags", "red flag", RedFlag.class, ContentDocument::redFlags);

  final String key;
  final String noun;
  final Class<? extends ContentEntry> type;
  final Function<ContentDocument, List<? extends ContentEntry>> list;

  EntryKind(
      String key,
      String noun,
      Class<? extends ContentEntry> type,
      Function<ContentDocument, List<? extends ContentEntry>> list) {
    this.key = key;
    this.noun = noun;
    this.type = type;
    this.list = list;
  }

  static EntryKind byKey(String key) {
    for (EntryKind kind : values()) {
      if (kind.key.equals(key)) {
        return kind;
      }
    }
    return null;
  }
}
