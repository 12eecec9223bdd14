package org.musculo.content;

import org.musculo.model.ContentEntry;

/**
 * An entry together with where it was declared: its module, its file and its index in the list
 * of its kind.
 */
record Located(ContentEntry entry, EntryKind kind, String module, String file, int index) {
  /** Returns the JSON pointer of the entry, built only when a problem or a place needs it. */
  String pointer() {
    return "/" + kind.key + "/" + index;
  }

  ContentProblem problem(String subPointer, String message) {
    return new ContentProblem(module, file, pointer() + subPointer, message);
  }

  String place() {
    return "module '" + module + "', file '" + file + "' at " + pointer();
  }
}
