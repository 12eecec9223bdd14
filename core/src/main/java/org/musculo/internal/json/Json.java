package org.musculo.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** The JSON mappers Musculo uses: strict for reading, ordered for writing. */
public final class Json {
  /**
   * Strict mapper: unknown fields, trailing tokens, nulls for primitives and coercions between
   * text, numbers and booleans are all errors; output keys are sorted, so that equal values
   * write equal text.
   */
  public static final JsonMapper MAPPER = strict();

  private Json() {}

  private static JsonMapper strict() {
    return JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .changeDefaultPropertyInclusion(
            incl -> incl.withValueInclusion(JsonInclude.Include.NON_ABSENT))
        .withCoercionConfig(
            LogicalType.Textual,
            c -> {
              c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
              c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
              c.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            })
        .withCoercionConfig(
            LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
        .build();
  }
}
