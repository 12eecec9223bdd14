package org.musculo.content;

import org.musculo.model.ContentEntry;

/** An entry together with where it was declared. */
record Located(ContentEntry entry, EntryKind kind, String module, String file, String pointer) {
  ContentProblem problem(String subPointer, String message) {
    return new ContentProblem(module, file, pointer + subPointer, message);
  }

  String place() {
    return "module '" + module + "', file '" + file + "' at " + pointer;
  }
}
