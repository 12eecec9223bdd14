package org.musculo.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.type.LogicalType;

/** The JSON mappers Musculo uses: strict for reading, ordered for writing. */
public final class Json {
  /**
   * Strict mapper: unknown fields, trailing tokens, nulls for primitives and coercions between
   * text, numbers and booleans are all errors; output keys are sorted, so that equal values
   * write equal text.
   */
  public static final JsonMapper MAPPER = strict();

  /**
   * Writer of the canonical form a content hash is taken over: the strict mapper's sorted keys,
   * with every floating-point number written as the hexadecimal of its IEEE 754 bits, which is
   * exact and much cheaper than its shortest decimal.
   */
  public static final ObjectWriter CANONICAL = MAPPER.rebuild()
      .addModule(new SimpleModule("musculo-canonical")
          .addSerializer(Double.class, new DoubleBits())
          .addSerializer(Double.TYPE, new DoubleBits()))
      .build()
      .writer();

  private Json() {}

  /** Writes a double as the hexadecimal string of its bits. */
  private static final class DoubleBits extends StdSerializer<Double> {
    DoubleBits() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator g, SerializationContext context) {
      g.writeString(Long.toHexString(Double.doubleToLongBits(value)));
    }
  }

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
