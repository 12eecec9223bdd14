/**
 * Content modules and the knowledge base compiled from them.
 *
 * <p>A {@link org.musculo.content.ContentModule} supplies JSON documents (or documents built in
 * code); {@link org.musculo.content.KnowledgeBase#builder()} compiles any number of modules into
 * one immutable {@link org.musculo.content.KnowledgeBase}, resolving every reference and
 * reporting every problem at once in a {@link org.musculo.content.ContentException}. No partly
 * built knowledge base is ever returned.
 *
 * <p>The documents' JSON Schema ships in musculo-core at {@value
 * org.musculo.content.ContentDocument#SCHEMA_RESOURCE}.
 */
@MusculoStyle
package org.musculo.content;

import org.musculo.model.MusculoStyle;
