package org.musculo.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.musculo.model.BodyRegion;
import org.musculo.model.Cause;
import org.musculo.model.Condition;
import org.musculo.model.Finding;
import org.musculo.model.PreventionMeasure;
import org.musculo.model.RedFlag;
import org.musculo.model.Treatment;

/**
 * The content of one or more modules, compiled and checked: every reference resolved, no
 * duplicate ids but declared overrides, no cycles in the hierarchies, every number in range,
 * every condition and red flag sourced.
 *
 * <p>A knowledge base is immutable and safe to share between threads. It names the modules it
 * was built from and a SHA-256 hash of its canonical content, so that every result can say
 * exactly which knowledge produced it.
 *
 * <pre>{@code
 * KnowledgeBase kb = KnowledgeBase.load();                 // modules found by ServiceLoader
 * KnowledgeBase mine = KnowledgeBase.builder()
 *     .addDiscovered()
 *     .addDirectory(Path.of("clinic-content"))            // an integrator's JSON files
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class KnowledgeBase {
  private final List<ModuleVersion> modules;
  private final String contentHash;
  private final Map<String, BodyRegion> regions;
  private final Map<String, Finding> findings;
  private final Map<String, Cause> causes;
  private final Map<String, PreventionMeasure> preventionMeasures;
  private final Map<String, Treatment> treatments;
  private final Map<String, Condition> conditions;
  private final Map<String, RedFlag> redFlags;

  KnowledgeBase(
      List<ModuleVersion> modules,
      String contentHash,
      Map<String, BodyRegion> regions,
      Map<String, Finding> findings,
      Map<String, Cause> causes,
      Map<String, PreventionMeasure> preventionMeasures,
      Map<String, Treatment> treatments,
      Map<String, Condition> conditions,
      Map<String, RedFlag> redFlags) {
    this.modules = List.copyOf(modules);
    this.contentHash = contentHash;
    this.regions = regions;
    this.findings = findings;
    this.causes = causes;
    this.preventionMeasures = preventionMeasures;
    this.treatments = treatments;
    this.conditions = conditions;
    this.redFlags = redFlags;
  }

  /**
   * Compiles the content modules found by {@link ServiceLoader} on the module path or class
   * path.
   *
   * @return the knowledge base
   * @throws ContentException if no module is found, or the content has problems (all are listed)
   */
  public static KnowledgeBase load() {
    return builder().addDiscovered().build();
  }

  /**
   * Returns a builder to which modules are added one by one.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the modules the knowledge base was compiled from, in the order they were added.
   *
   * @return the module ids and versions
   */
  public List<ModuleVersion> modules() {
    return modules;
  }

  /**
   * Returns the SHA-256 hash, in lower-case hex, of the modules (ids and versions, in the order
   * they were added) and the compiled content in a canonical form: the same modules in the same
   * order with equal content give an equal hash whatever the order of files, entries and fields;
   * a change to any value of any entry changes it. A document's {@code $schema} is not content.
   *
   * @return the content hash
   */
  public String contentHash() {
    return contentHash;
  }

  /**
   * Returns the body regions by id, in id order.
   *
   * @return the regions
   */
  public Map<String, BodyRegion> regions() {
    return regions;
  }

  /**
   * Returns the findings by id, in id order.
   *
   * @return the findings
   */
  public Map<String, Finding> findings() {
    return findings;
  }

  /**
   * Returns the causes by id, in id order.
   *
   * @return the causes
   */
  public Map<String, Cause> causes() {
    return causes;
  }

  /**
   * Returns the prevention measures by id, in id order.
   *
   * @return the prevention measures
   */
  public Map<String, PreventionMeasure> preventionMeasures() {
    return preventionMeasures;
  }

  /**
   * Returns the treatments by id, in id order.
   *
   * @return the treatments
   */
  public Map<String, Treatment> treatments() {
    return treatments;
  }

  /**
   * Returns the conditions by id, in id order.
   *
   * @return the conditions
   */
  public Map<String, Condition> conditions() {
    return conditions;
  }

  /**
   * Returns the red flags by id, in id order.
   *
   * @return the red flags
   */
  public Map<String, RedFlag> redFlags() {
    return redFlags;
  }

  /**
   * Returns the finding with the given id.
   *
   * @param id the finding id
   * @return the finding, or empty if there is none with that id
   */
  public Optional<Finding> finding(String id) {
    return Optional.ofNullable(findings.get(id));
  }

  /**
   * Returns the condition with the given id.
   *
   * @param id the condition id
   * @return the condition, or empty if there is none with that id
   */
  public Optional<Condition> condition(String id) {
    return Optional.ofNullable(conditions.get(id));
  }

  @Override
  public String toString() {
    return "KnowledgeBase" + modules + " sha256:" + contentHash.substring(0, 12) + " ("
        + conditions.size() + " conditions, " + findings.size() + " findings, "
        + redFlags.size() + " red flags)";
  }

  /**
   * Collects content modules and compiles them into a {@link KnowledgeBase}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final List<ContentModule> modules = new ArrayList<>();
    private final List<ContentProblem> discoveryProblems = new ArrayList<>();

    private Builder() {}

    /**
     * Adds the content modules {@link ServiceLoader} finds for Musculo's module (on the module
     * path) or the thread's context class loader (on the class path), ordered by id.
     *
     * @return this builder
     */
    public Builder addDiscovered() {
      return addDiscovered(ServiceLoader.load(ContentModule.class));
    }

    /**
     * Adds the content modules {@link ServiceLoader} finds with the given class loader, ordered
     * by id.
     *
     * @param loader the class loader to search
     * @return this builder
     */
    public Builder addDiscovered(ClassLoader loader) {
      return addDiscovered(ServiceLoader.load(ContentModule.class, loader));
    }

    private Builder addDiscovered(ServiceLoader<ContentModule> loader) {
      List<ContentModule> found = new ArrayList<>();
      try {
        loader.forEach(found::add);
      } catch (ServiceConfigurationError e) {
        discoveryProblems.add(new ContentProblem("?", "META-INF/services", "",
            "a content module could not be loaded: " + e.getMessage()
                + "; check its provider declaration and public no-argument constructor"));
      }
      if (found.isEmpty() && discoveryProblems.isEmpty()) {
        discoveryProblems.add(new ContentProblem("?", "", "",
            "no content module was found by ServiceLoader; add a content module such as"
                + " org.musculo:musculo-content-en to the class path or module path"));
      }
      found.sort(java.util.Comparator.comparing(ContentModule::id));
      modules.addAll(found);
      return this;
    }

    /**
     * Adds a content module.
     *
     * @param module the module
     * @return this builder
     */
    public Builder add(ContentModule module) {
      modules.add(Objects.requireNonNull(module, "module"));
      return this;
    }

    /**
     * Adds the content module held in a directory; see {@link
     * ContentModule#fromDirectory(Path)}.
     *
     * @param directory the directory with {@code module.json} and content documents
     * @return this builder
     * @throws ContentException if the directory or its manifest cannot be read
     */
    public Builder addDirectory(Path directory) {
      return add(ContentModule.fromDirectory(directory));
    }

    /**
     * Compiles the modules added so far.
     *
     * @return the knowledge base
     * @throws ContentException listing every problem, if there is any; no partly built
     *     knowledge base is ever returned
     */
    public KnowledgeBase build() {
      return new KnowledgeBaseCompiler(modules, discoveryProblems).compile();
    }
  }
}
