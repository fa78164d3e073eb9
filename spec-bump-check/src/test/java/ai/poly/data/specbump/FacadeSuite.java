package ai.poly.data.specbump;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs JUnit test classes loaded by another class loader (a {@link VariantBuild}'s) through the
 * JUnit Platform Launcher, and records the outcome of every test.
 */
final class FacadeSuite {
  private static final int MAX_TRACE_LINES = 12;

  /** Test display path ("Class > method > [3] args") to its outcome: SUCCESSFUL, FAILED, ... */
  private final Map<String, String> outcomes;

  private final List<String> failures;

  private FacadeSuite(Map<String, String> outcomes, List<String> failures) {
    this.outcomes = outcomes;
    this.failures = failures;
  }

  /** Runs {@code classNames} from {@code loader}, with it as the context class loader. */
  static FacadeSuite run(ClassLoader loader, List<String> classNames)
      throws ClassNotFoundException {
    List<ClassSelector> selectors = new ArrayList<>();
    for (String className : classNames) {
      selectors.add(selectClass(loader.loadClass(className)));
    }
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
    Map<String, String> outcomes = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    Map<String, String> names = new TreeMap<>();
    TestExecutionListener listener =
        new TestExecutionListener() {
          @Override
          public void executionStarted(TestIdentifier test) {
            name(test);
          }

          @Override
          public void executionSkipped(TestIdentifier test, String reason) {
            outcomes.put(name(test), "SKIPPED");
          }

          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            String name = name(test);
            if (test.isTest()) {
              outcomes.put(name, result.getStatus().name());
            }
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
              failures.add(name + ": " + result.getThrowable().map(FacadeSuite::trace).orElse("?"));
            }
          }

          /** "ClassName > method() > [1] arguments": display names below the engine's. */
          private String name(TestIdentifier test) {
            return names.computeIfAbsent(
                test.getUniqueId(),
                id -> {
                  String parent = test.getParentId().map(names::get).orElse(null);
                  return parent == null || parent.isEmpty()
                      ? (test.getParentId().isPresent() ? test.getDisplayName() : "")
                      : parent + " > " + test.getDisplayName();
                });
          }
        };
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Launcher launcher = LauncherFactory.create();
      launcher.execute(request, listener);
    } finally {
      thread.setContextClassLoader(previous);
    }
    return new FacadeSuite(outcomes, failures);
  }

  /** Every test that ran, by display path, with its outcome. */
  Map<String, String> outcomes() {
    return outcomes;
  }

  /** Failed tests and containers, each with the start of its stack trace. */
  List<String> failures() {
    return failures;
  }

  private static String trace(Throwable throwable) {
    StringWriter text = new StringWriter();
    throwable.printStackTrace(new PrintWriter(text));
    String[] lines = text.toString().split("\n");
    return String.join("\n", List.of(lines).subList(0, Math.min(MAX_TRACE_LINES, lines.length)));
  }
}
