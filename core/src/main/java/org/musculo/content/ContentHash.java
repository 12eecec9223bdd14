package org.musculo.content;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.musculo.model.Basis;
import org.musculo.model.BodyRegion;
import org.musculo.model.CareSetting;
import org.musculo.model.Cause;
import org.musculo.model.CauseKind;
import org.musculo.model.Channel;
import org.musculo.model.Code;
import org.musculo.model.Condition;
import org.musculo.model.Demographic;
import org.musculo.model.Finding;
import org.musculo.model.FindingKind;
import org.musculo.model.Manifestation;
import org.musculo.model.PreventionMeasure;
import org.musculo.model.RedFlag;
import org.musculo.model.RiskFactor;
import org.musculo.model.Sex;
import org.musculo.model.Source;
import org.musculo.model.Treatment;
import org.musculo.model.TriageLevel;

/**
 * The content hash of a knowledge base: SHA-256 over a compact binary canonical form of its
 * modules and its resolved entries, written straight into the digest.
 *
 * <p>The form is positional, so that it is decodable and two different contents never write the
 * same bytes: a tag naming the form; the modules in the order they were added (id, version); then
 * for each kind of entry, in {@link EntryKind} order, the number of entries and each entry in id
 * order, every attribute in a fixed order. A string is its length in UTF-16 units followed by
 * each unit in one to three bytes (the UTF-8 encoding of the unit); a list is its size then its
 * items; an optional is a byte 0 when absent, or 1 then the value; a double is the eight bytes of
 * {@link Double#doubleToLongBits}; an int four bytes; a boolean one byte; an enum constant its
 * name; a date its epoch day as eight bytes. Sizes and lengths are unsigned LEB128 varints.
 *
 * <p>Every attribute of every model type is written, and a test fails when a type gains one that
 * is not. A content document's {@code $schema}, which only points an editor at the schema, is not
 * content and is not written.
 */
final class ContentHash {
  /** Names the canonical form; change it whenever the form changes. */
  private static final String FORM = "musculo-content-hash/2";

  /** Write the bytes of a long or an int at once, most significant first. */
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private static final Names<Basis> BASES = new Names<>(Basis.class);
  private static final Names<CareSetting> SETTINGS = new Names<>(CareSetting.class);
  private static final Names<CauseKind> CAUSE_KINDS = new Names<>(CauseKind.class);
  private static final Names<Channel> CHANNELS = new Names<>(Channel.class);
  private static final Names<FindingKind> FINDING_KINDS = new Names<>(FindingKind.class);
  private static final Names<Sex> SEXES = new Names<>(Sex.class);
  private static final Names<TriageLevel> LEVELS = new Names<>(TriageLevel.class);

  /** The canonical form of each constant's name of one enum type, by ordinal, encoded once. */
  private static final class Names<E extends Enum<E>> {
    final byte[][] encoded;

    Names(Class<E> type) {
      E[] constants = type.getEnumConstants();
      encoded = new byte[constants.length][];
      for (int i = 0; i < constants.length; i++) {
        ContentHash h = new ContentHash((MessageDigest) null);
        h.string(constants[i].name());
        encoded[i] = Arrays.copyOf(h.buffer, h.size);
      }
    }
  }

  private final MessageDigest sha256;
  private final byte[] buffer = new byte[16 * 1024];
  private int size;

  private ContentHash(MessageDigest sha256) {
    this.sha256 = sha256;
  }

  /**
   * Starts the hash of a knowledge base of the given modules; the caller then writes each kind
   * of entry in {@link EntryKind} order: {@link #count} of its entries, then each entry in id
   * order, and at the end takes {@link #finish}.
   *
   * @param modules the modules, in the order they were added
   */
  ContentHash(List<ModuleVersion> modules) {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
    string(FORM);
    count(modules.size());
    for (ModuleVersion m : modules) {
      string(m.id());
      string(m.version());
    }
  }

  /**
   * Returns the hash of everything written, 64 lower-case hex digits.
   *
   * @return the hash
   */
  String finish() {
    flush();
    return HexFormat.of().formatHex(sha256.digest());
  }

  /**
   * Returns the lower-case hex SHA-256 of the canonical form of the modules and the entries, as
   * a knowledge base compiler writes them one by one.
   *
   * <p>Each map holds the resolved entries of one kind and iterates in id order.
   *
   * @param modules the modules, in the order they were added
   * @param regions the body regions
   * @param findings the findings
   * @param causes the causes
   * @param prevention the prevention measures
   * @param treatments the treatments
   * @param conditions the conditions
   * @param redFlags the red flags
   * @return the hash, 64 lower-case hex digits
   */
  static String of(
      List<ModuleVersion> modules,
      Map<String, BodyRegion> regions,
      Map<String, Finding> findings,
      Map<String, Cause> causes,
      Map<String, PreventionMeasure> prevention,
      Map<String, Treatment> treatments,
      Map<String, Condition> conditions,
      Map<String, RedFlag> redFlags) {
    ContentHash h = new ContentHash(modules);
    h.count(regions.size());
    regions.values().forEach(h::region);
    h.count(findings.size());
    findings.values().forEach(h::finding);
    h.count(causes.size());
    causes.values().forEach(h::cause);
    h.count(prevention.size());
    prevention.values().forEach(h::prevention);
    h.count(treatments.size());
    treatments.values().forEach(h::treatment);
    h.count(conditions.size());
    conditions.values().forEach(h::condition);
    h.count(redFlags.size());
    redFlags.values().forEach(h::redFlag);
    return h.finish();
  }

  void region(BodyRegion r) {
    string(r.id());
    string(r.name());
    strings(r.synonyms());
    strings(r.parents());
    optionalString(r.overrides());
  }

  void finding(Finding f) {
    string(f.id());
    name(FINDING_KINDS, f.kind());
    string(f.name());
    strings(f.synonyms());
    string(f.question());
    optionalString(f.region());
    strings(f.parents());
    count(f.derivedFrom().size());
    f.derivedFrom().forEach(this::strings);
    codes(f.codes());
    optionalDouble(f.backgroundFrequency());
    optionalString(f.overrides());
  }

  void cause(Cause c) {
    string(c.id());
    string(c.name());
    name(CAUSE_KINDS, c.kind());
    string(c.description());
    strings(c.indicators());
    optionalString(c.condition());
    strings(c.prevention());
    sources(c.sources());
    optionalString(c.overrides());
  }

  void prevention(PreventionMeasure p) {
    string(p.id());
    string(p.name());
    string(p.advice());
    sources(p.sources());
    optionalString(p.overrides());
  }

  void treatment(Treatment t) {
    string(t.id());
    string(t.name());
    string(t.description());
    name(SETTINGS, t.setting());
    string(t.modality());
    strings(t.indications());
    strings(t.contraindications());
    strings(t.contraindicatedRedFlags());
    count(t.channels().size());
    for (Channel channel : t.channels()) {
      name(CHANNELS, channel);
    }
    sources(t.sources());
    optionalString(t.overrides());
  }

  void condition(Condition c) {
    string(c.id());
    string(c.name());
    strings(c.synonyms());
    string(c.description());
    codes(c.codes());
    optionalString(c.codesNote());
    number(c.prevalence());
    name(BASES, c.prevalenceBasis());
    name(LEVELS, c.acuity());
    optionalDouble(c.safetyThreshold());
    List<Manifestation> manifestations = c.manifestations();
    count(manifestations.size());
    for (int i = 0; i < manifestations.size(); i++) {
      Manifestation m = manifestations.get(i);
      string(m.finding());
      number(m.frequency());
      name(BASES, m.basis());
    }
    count(c.riskFactors().size());
    for (RiskFactor rf : c.riskFactors()) {
      optionalString(rf.finding());
      optionalDemographic(rf.demographic());
      number(rf.oddsRatio());
      name(BASES, rf.basis());
    }
    strings(c.causes());
    strings(c.prevention());
    strings(c.treatments());
    sources(c.sources());
    optionalString(c.overrides());
  }

  void redFlag(RedFlag r) {
    string(r.id());
    string(r.name());
    strings(r.allOf());
    strings(r.anyOf());
    strings(r.noneOf());
    optionalDemographic(r.demographic());
    name(LEVELS, r.level());
    string(r.reason());
    optionalString(r.condition());
    sources(r.sources());
    optionalString(r.overrides());
  }

  private void optionalDemographic(Optional<Demographic> demographic) {
    if (demographic.isEmpty()) {
      flag(false);
      return;
    }
    flag(true);
    Demographic d = demographic.get();
    optionalInt(d.minAge());
    optionalInt(d.maxAge());
    flag(d.sex().isPresent());
    if (d.sex().isPresent()) {
      name(SEXES, d.sex().get());
    }
    flag(d.pregnant().isPresent());
    d.pregnant().ifPresent(this::flag);
  }

  private void codes(List<Code> codes) {
    count(codes.size());
    for (Code code : codes) {
      string(code.system());
      string(code.value());
    }
  }

  private void sources(List<Source> sources) {
    count(sources.size());
    for (int i = 0; i < sources.size(); i++) {
      Source s = sources.get(i);
      string(s.publisher());
      string(s.title());
      string(s.url());
      date(s.accessed());
    }
  }

  private void strings(List<String> strings) {
    count(strings.size());
    for (int i = 0; i < strings.size(); i++) {
      string(strings.get(i));
    }
  }

  private void optionalString(Optional<String> value) {
    flag(value.isPresent());
    if (value.isPresent()) {
      string(value.get());
    }
  }

  private void optionalDouble(OptionalDouble value) {
    flag(value.isPresent());
    if (value.isPresent()) {
      number(value.getAsDouble());
    }
  }

  private void optionalInt(OptionalInt value) {
    flag(value.isPresent());
    if (value.isPresent()) {
      room(4);
      INT.set(buffer, size, value.getAsInt());
      size += 4;
    }
  }

  private void date(LocalDate date) {
    eight(date.toEpochDay());
  }

  private void number(double value) {
    eight(Double.doubleToLongBits(value));
  }

  private void eight(long value) {
    room(8);
    LONG.set(buffer, size, value);
    size += 8;
  }

  private void flag(boolean value) {
    room(1);
    buffer[size++] = (byte) (value ? 1 : 0);
  }

  /** Writes a size or a length as an unsigned LEB128 varint. */
  void count(int n) {
    room(5);
    int v = n;
    while ((v & ~0x7F) != 0) {
      buffer[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buffer[size++] = (byte) v;
  }

  /** Writes the length in UTF-16 units, then each unit as UTF-8 (one to three bytes). */
  private void string(String s) {
    int n = s.length();
    if (n > (buffer.length - size - 5) / 3) {
      count(n);
      flush();
      if (n > buffer.length / 3) {
        longString(s, n);
        return;
      }
    } else if (n < 0x80) {
      buffer[size++] = (byte) n; // the usual length fits one byte of the varint
    } else {
      count(n);
    }
    byte[] b = buffer;
    int at = size;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[at++] = (byte) c;
      } else {
        at = unit(b, at, c);
      }
    }
    size = at;
  }

  /** Writes the units of a string too long for the buffer, a buffer at a time. */
  private void longString(String s, int n) {
    for (int i = 0; i < n; i++) {
      room(3);
      size = unit(buffer, size, s.charAt(i));
    }
  }

  private static int unit(byte[] b, int at, char c) {
    if (c < 0x80) {
      b[at++] = (byte) c;
    } else if (c < 0x800) {
      b[at++] = (byte) (0xC0 | c >> 6);
      b[at++] = (byte) (0x80 | c & 0x3F);
    } else {
      b[at++] = (byte) (0xE0 | c >> 12);
      b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
      b[at++] = (byte) (0x80 | c & 0x3F);
    }
    return at;
  }

  /** Writes an enum constant's name, encoded once per constant. */
  private <E extends Enum<E>> void name(Names<E> names, E constant) {
    byte[] encoded = names.encoded[constant.ordinal()];
    room(encoded.length);
    System.arraycopy(encoded, 0, buffer, size, encoded.length);
    size += encoded.length;
  }

  private void room(int bytes) {
    if (size + bytes > buffer.length) {
      flush();
    }
  }

  private void flush() {
    sha256.update(buffer, 0, size);
    size = 0;
  }
}
