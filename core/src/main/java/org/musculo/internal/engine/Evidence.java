package org.musculo.internal.engine;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;
import java.util.OptionalInt;
import org.musculo.model.Sex;

/**
 * Resolved evidence about one patient: the explicitly reported findings (present ones no more
 * general than another present one, absent ones not contradicted by a present one), the closure
 * of everything present, and the demographics.
 */
public final class Evidence {
  final int[] present;
  /** Findings implied by more than one present report: each condition may count them once. */
  final BitSet shared;
  final int[] absent;
  final BitSet presentClosure;
  /** How many findings {@link #presentClosure} holds. */
  final int presentClosureSize;
  final BitSet absentClosure;
  final OptionalInt age;
  final Optional<Sex> sex;
  final boolean pregnant;
  /**
   * Per demographic of {@link CompiledKnowledge#demographics}: whether the patient belongs to it;
   * shared, never changed.
   */
  final boolean[] inDemographic;

  private Evidence(int[] present, BitSet shared, int[] absent, BitSet presentClosure,
      BitSet absentClosure, OptionalInt age, Optional<Sex> sex, boolean pregnant, boolean[] inDemographic) {
    this.present = present;
    this.shared = shared;
    this.absent = absent;
    this.presentClosure = presentClosure;
    this.presentClosureSize = presentClosure.cardinality();
    this.absentClosure = absentClosure;
    this.age = age;
    this.sex = sex;
    this.pregnant = pregnant;
    this.inDemographic = inDemographic;
  }

  /**
   * Resolves reported findings: a present finding implies its ancestors, an absent one its
   * descendants, and present wins where they meet. A finding whose combination of findings is
   * all present is derived present, unless it or one of its ancestors was reported absent. The result does not depend on the order the
   * findings were given in.
   *
   * @param k the compiled knowledge
   * @param presentIds indices of findings reported present
   * @param absentIds indices of findings reported absent
   * @param age the age, if known
   * @param sex the sex, if known
   * @param pregnant whether pregnant
   * @return the evidence
   */
  public static Evidence of(CompiledKnowledge k, int[] presentIds, int[] absentIds, OptionalInt age,
      Optional<Sex> sex, boolean pregnant) {
    int[] p = sortedDistinct(presentIds);
    BitSet closure = new BitSet(k.findingCount());
    for (int f : p) {
      for (int g : k.implied[f]) {
        closure.set(g);
      }
    }
    if (k.derived.length > 0) {
      p = derive(k, p, absentIds, closure);
    }
    int[] reported = p;
    // a report that implies nothing else (a flat knowledge base, most reports of any) can
    // neither be more general than another nor share what it implies
    boolean flat = true;
    for (int f : reported) {
      flat &= k.implied[f].length == 1;
    }
    int[] specific = flat ? reported : mostSpecific(k, reported);
    int[] a = sortedDistinct(absentIds);
    int na = 0;
    for (int f : a) {
      if (!closure.get(f)) {
        a[na++] = f;
      }
    }
    a = na == a.length ? a : Arrays.copyOf(a, na);
    BitSet absentClosure = new BitSet(k.findingCount());
    for (int f : a) {
      for (int d : k.impliedBy[f]) {
        if (!closure.get(d)) {
          absentClosure.set(d);
        }
      }
    }
    BitSet shared = flat ? NONE_SHARED : shared(k, specific);
    return new Evidence(specific, shared, a, closure, absentClosure, age, sex, pregnant,
        k.demographicMatches(age, sex, pregnant));
  }

  /** The shared set of evidence where no finding is implied twice: never changed. */
  private static final BitSet NONE_SHARED = new BitSet();

  /** Keeps only the most specific of the present findings: one report, one piece of evidence. */
  private static int[] mostSpecific(CompiledKnowledge k, int[] reported) {
    BitSet general = new BitSet(k.findingCount());
    for (int other : reported) {
      for (int g : k.implied[other]) {
        if (g != other) {
          general.set(g);
        }
      }
    }
    int[] specific = new int[reported.length];
    int ns = 0;
    for (int f : reported) {
      if (!general.get(f)) {
        specific[ns++] = f;
      }
    }
    return ns == specific.length ? specific : Arrays.copyOf(specific, ns);
  }

  /** The findings that more than one of the specific reports implies. */
  private static BitSet shared(CompiledKnowledge k, int[] specific) {
    BitSet seen = new BitSet(k.findingCount());
    BitSet shared = new BitSet(k.findingCount());
    for (int f : specific) {
      for (int g : k.implied[f]) {
        if (seen.get(g)) {
          shared.set(g);
        }
        seen.set(g);
      }
    }
    return shared;
  }

  /** Adds to {@code present} (and its closure) every finding its combinations derive, to a fixed point. */
  private static int[] derive(CompiledKnowledge k, int[] present, int[] absentIds, BitSet closure) {
    int[] out = present;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < k.derived.length; i++) {
        int f = k.derived[i];
        if (closure.get(f) || deniedByReport(k.implied[f], absentIds) || !anyComplete(k.derivations[i], closure)) {
          continue;
        }
        for (int g : k.implied[f]) {
          closure.set(g);
        }
        out = Arrays.copyOf(out, out.length + 1);
        out[out.length - 1] = f;
        changed = true;
      }
    }
    if (out != present) {
      Arrays.sort(out);
    }
    return out;
  }

  private static boolean deniedByReport(int[] selfAndAncestors, int[] absentIds) {
    for (int a : absentIds) {
      if (contains(selfAndAncestors, a)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyComplete(int[][] combinations, BitSet closure) {
    for (int[] parts : combinations) {
      boolean all = true;
      for (int part : parts) {
        all &= closure.get(part);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** A sorted copy without repeats. */
  private static int[] sortedDistinct(int[] ids) {
    int[] out = ids.clone();
    Arrays.sort(out);
    int n = 0;
    for (int i = 0; i < out.length; i++) {
      if (n == 0 || out[n - 1] != out[i]) {
        out[n++] = out[i];
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }

  /** Tells whether a finding is present, directly or through a more specific present finding. */
  public boolean isPresent(int finding) {
    return presentClosure.get(finding);
  }

  /** Tells whether a finding is absent, directly or through a more general absent finding. */
  public boolean isAbsent(int finding) {
    return absentClosure.get(finding);
  }

  /** Returns the explicit present findings, most specific only, in index order. */
  public int[] present() {
    return present.clone();
  }

  /** Returns the explicit absent findings not contradicted by a present one, in index order. */
  public int[] absent() {
    return absent.clone();
  }
}
