/**
 * The typed domain model: findings, body regions, conditions, causes, risk factors, prevention
 * measures, treatments, red flags, codes and sources.
 *
 * <p>Every type is an immutable value with a builder, structural equality and a JSON form.
 * Collections are never null and default to empty; absence is {@link java.util.Optional}. Each
 * value checks its own invariants when built and throws {@link
 * org.musculo.model.InvalidValueException} naming the attribute and the bad value; rules that
 * span several values (a reference resolves) belong to the knowledge-base compiler.
 */
@MusculoStyle
package org.musculo.model;
