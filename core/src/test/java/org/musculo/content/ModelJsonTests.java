package org.musculo.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.musculo.internal.json.Json;
import org.musculo.model.BodyRegion;
import org.musculo.model.Cause;
import org.musculo.model.Code;
import org.musculo.model.Condition;
import org.musculo.model.Finding;
import org.musculo.model.PreventionMeasure;
import org.musculo.model.RedFlag;
import org.musculo.model.Source;
import org.musculo.model.Treatment;

/** Every model type round-trips through JSON unchanged, and its JSON is valid by the schema. */
class ModelJsonTests {
  static final Schema SCHEMA = loadSchema();

  static Schema loadSchema() {
    try (InputStream in = ContentDocument.class.getClassLoader().getResourceAsStream(ContentDocument.SCHEMA_RESOURCE)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> void roundTrips(T value, Class<T> type) {
    String json = Json.MAPPER.writeValueAsString(value);
    assertThat(Json.MAPPER.readValue(json, type)).isEqualTo(value);
  }

  @Property
  void codesRoundTripAsSystemColonValue(@ForAll("codes") Code code) {
    roundTrips(code, Code.class);
    assertThat(Json.MAPPER.writeValueAsString(code)).isEqualTo("\"" + code.system() + ":" + code.value() + "\"");
    assertThat(Code.parse(code.toString())).isEqualTo(code);
  }

  @Property
  void sourcesRoundTrip(@ForAll("sources") Source value) {
    roundTrips(value, Source.class);
  }

  @Property
  void regionsRoundTrip(@ForAll("regions") BodyRegion value) {
    roundTrips(value, BodyRegion.class);
  }

  @Property
  void findingsRoundTrip(@ForAll("findings") Finding value) {
    roundTrips(value, Finding.class);
  }

  @Property
  void conditionsRoundTrip(@ForAll("conditions") Condition value) {
    roundTrips(value, Condition.class);
  }

  @Property
  void causesRoundTrip(@ForAll("causes") Cause value) {
    roundTrips(value, Cause.class);
  }

  @Property
  void preventionMeasuresRoundTrip(@ForAll("prevention") PreventionMeasure value) {
    roundTrips(value, PreventionMeasure.class);
  }

  @Property
  void treatmentsRoundTrip(@ForAll("treatments") Treatment value) {
    roundTrips(value, Treatment.class);
  }

  @Property
  void redFlagsRoundTrip(@ForAll("redFlags") RedFlag value) {
    roundTrips(value, RedFlag.class);
  }

  @Property(tries = 200)
  void documentsRoundTripAndValidateAgainstTheSchema(@ForAll("documents") ContentDocument document) {
    roundTrips(document, ContentDocument.class);
    List<Error> errors = SCHEMA.validate(Json.MAPPER.valueToTree(document));
    assertThat(errors).isEmpty();
  }

  @Provide Arbitrary<Code> codes() { return ModelArbitraries.code(); }
  @Provide Arbitrary<Source> sources() { return ModelArbitraries.source(); }
  @Provide Arbitrary<BodyRegion> regions() { return ModelArbitraries.region(); }
  @Provide Arbitrary<Finding> findings() { return ModelArbitraries.finding(); }
  @Provide Arbitrary<Condition> conditions() { return ModelArbitraries.condition(); }
  @Provide Arbitrary<Cause> causes() { return ModelArbitraries.cause(); }
  @Provide Arbitrary<PreventionMeasure> prevention() { return ModelArbitraries.prevention(); }
  @Provide Arbitrary<Treatment> treatments() { return ModelArbitraries.treatment(); }
  @Provide Arbitrary<RedFlag> redFlags() { return ModelArbitraries.redFlag(); }
  @Provide Arbitrary<ContentDocument> documents() { return ModelArbitraries.document(); }
}
