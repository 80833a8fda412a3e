package dev.tlsguard.cli;

import com.google.common.hash.Hashing;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tlsguard.rules.Finding;
import dev.tlsguard.rules.Severity;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A SARIF 2.1.0 log with one run, in the shape GitHub code scanning accepts.
 *
 * <p>Paths under the current folder are written relative to {@code %SRCROOT%}, which the log maps
 * to that folder; other paths are absolute {@code file:} URIs. Columns count Unicode code points
 * ({@code columnKind: unicodeCodePoints}). Files that could not be checked become error
 * notifications of the run's invocation.
 */
final class SarifReport implements CheckReport {
  static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";
  static final String FINGERPRINT_KEY = "tlsguardFinding/v1";

  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private final Path workingFolder;

  /** Creates a report whose {@code %SRCROOT%} is {@code workingFolder}, an absolute path. */
  SarifReport(Path workingFolder) {
    this.workingFolder = workingFolder.toAbsolutePath().normalize();
  }

  @Override
  public void write(List<FileResult> results, List<PathError> searchErrors, Appendable out)
      throws IOException {
    JsonObject run = new JsonObject();
    run.add("tool", tool());
    JsonObject srcroot = new JsonObject();
    String root = workingFolder.toUri().toString();
    // SARIF requires a base URI to end with a slash; Path.toUri adds one only for existing folders.
    srcroot.addProperty("uri", root.endsWith("/") ? root : root + "/");
    JsonObject baseIds = new JsonObject();
    baseIds.add(SRCROOT, srcroot);
    run.add("originalUriBaseIds", baseIds);
    run.add("invocations", invocations(results, searchErrors));
    run.add("results", results(results));
    run.addProperty("columnKind", "unicodeCodePoints");

    JsonObject log = new JsonObject();
    log.addProperty("$schema", SCHEMA_URI);
    log.addProperty("version", "2.1.0");
    JsonArray runs = new JsonArray();
    runs.add(run);
    log.add("runs", runs);
    GSON.toJson(log, out);
    out.append('\n');
  }

  private static JsonObject tool() {
    JsonObject driver = new JsonObject();
    driver.addProperty("name", "tlsguard");
    driver.addProperty("version", VersionProvider.version());
    driver.addProperty("informationUri", RuleDescription.PROJECT_URI);
    JsonArray rules = new JsonArray();
    rules.add(rule());
    driver.add("rules", rules);
    JsonObject tool = new JsonObject();
    tool.add("driver", driver);
    return tool;
  }

  private static JsonObject rule() {
    JsonObject rule = new JsonObject();
    rule.addProperty("id", RuleDescription.ID);
    rule.addProperty("name", RuleDescription.NAME);
    rule.add("shortDescription", text(RuleDescription.SHORT_DESCRIPTION));
    rule.add("fullDescription", text(RuleDescription.FULL_DESCRIPTION));
    rule.addProperty("helpUri", RuleDescription.HELP_URI);
    JsonObject help = text(RuleDescription.FULL_DESCRIPTION + " See " + RuleDescription.HELP_URI);
    help.addProperty(
        "markdown",
        RuleDescription.FULL_DESCRIPTION
            + " See [the rule page]("
            + RuleDescription.HELP_URI
            + ").");
    rule.add("help", help);
    JsonObject configuration = new JsonObject();
    configuration.addProperty("level", "warning");
    rule.add("defaultConfiguration", configuration);
    JsonObject properties = new JsonObject();
    JsonArray tags = new JsonArray();
    tags.add("security");
    tags.add(RuleDescription.CWE);
    tags.add("external/cwe/cwe-757");
    properties.add("tags", tags);
    properties.addProperty("precision", "high");
    properties.addProperty("problem.severity", "warning");
    properties.addProperty("security-severity", RuleDescription.SECURITY_SEVERITY);
    rule.add("properties", properties);
    return rule;
  }

  private JsonArray invocations(List<FileResult> results, List<PathError> searchErrors) {
    JsonArray notifications = new JsonArray();
    for (PathError error : searchErrors) {
      notifications.add(notification(error));
    }
    for (FileResult result : results) {
      result
          .error()
          .ifPresent(
              reason ->
                  notifications.add(
                      notification(new PathError(result.file().displayPath(), reason))));
    }
    JsonObject invocation = new JsonObject();
    invocation.addProperty("executionSuccessful", notifications.isEmpty());
    invocation.add("toolExecutionNotifications", notifications);
    JsonArray invocations = new JsonArray();
    invocations.add(invocation);
    return invocations;
  }

  private JsonObject notification(PathError error) {
    JsonObject notification = new JsonObject();
    notification.addProperty("level", "error");
    notification.add("message", text(error.path() + ": " + error.reason()));
    JsonObject physical = new JsonObject();
    physical.add("artifactLocation", artifactLocation(error.path()));
    JsonObject location = new JsonObject();
    location.add("physicalLocation", physical);
    JsonArray locations = new JsonArray();
    locations.add(location);
    notification.add("locations", locations);
    return notification;
  }

  private JsonArray results(List<FileResult> results) {
    JsonArray array = new JsonArray();
    for (FileResult result : results) {
      Map<String, Integer> occurrences = new HashMap<>();
      for (LocatedFinding finding : result.findings()) {
        array.add(result(finding, occurrences));
      }
    }
    return array;
  }

  private JsonObject result(LocatedFinding located, Map<String, Integer> occurrences) {
    Finding finding = located.finding();
    JsonObject result = new JsonObject();
    result.addProperty("ruleId", RuleDescription.ID);
    result.addProperty("ruleIndex", 0);
    result.addProperty("level", level(finding.severity()));
    result.add("message", text(finding.message()));
    JsonObject physical = new JsonObject();
    physical.add("artifactLocation", artifactLocation(located.path()));
    physical.add("region", region(located.range()));
    JsonObject location = new JsonObject();
    location.add("physicalLocation", physical);
    JsonArray locations = new JsonArray();
    locations.add(location);
    result.add("locations", locations);
    JsonObject fingerprints = new JsonObject();
    fingerprints.addProperty(FINGERPRINT_KEY, fingerprint(located, occurrences));
    result.add("partialFingerprints", fingerprints);
    if (!located.fixes().isEmpty()) {
      result.add("fixes", fixes(located));
    }
    JsonObject properties = new JsonObject();
    properties.addProperty("kind", finding.kind().id());
    properties.addProperty("protocol", finding.protocol().displayName());
    properties.addProperty("constant", finding.constant());
    result.add("properties", properties);
    return result;
  }

  private JsonArray fixes(LocatedFinding located) {
    JsonArray fixes = new JsonArray();
    for (LocatedFinding.LocatedFix fix : located.fixes()) {
      JsonArray replacements = new JsonArray();
      for (LocatedFinding.LocatedEdit edit : fix.edits()) {
        JsonObject replacement = new JsonObject();
        replacement.add("deletedRegion", region(edit.range()));
        replacement.add("insertedContent", text(edit.replacement()));
        replacements.add(replacement);
      }
      JsonObject change = new JsonObject();
      change.add("artifactLocation", artifactLocation(located.path()));
      change.add("replacements", replacements);
      JsonArray changes = new JsonArray();
      changes.add(change);
      JsonObject sarifFix = new JsonObject();
      sarifFix.add("description", text(fix.title()));
      sarifFix.add("artifactChanges", changes);
      JsonObject properties = new JsonObject();
      properties.addProperty("safe", fix.safe());
      sarifFix.add("properties", properties);
      fixes.add(sarifFix);
    }
    return fixes;
  }

  /**
   * Returns a fingerprint that survives edits elsewhere in the file: a hash of the kind, the
   * constant and the trimmed line text, plus how many identical findings came before it.
   */
  private static String fingerprint(LocatedFinding located, Map<String, Integer> occurrences) {
    String key =
        located.finding().kind().id()
            + '\0'
            + located.finding().constant()
            + '\0'
            + located.lineText().strip();
    String hash =
        Hashing.sha256().hashString(key, StandardCharsets.UTF_8).toString().substring(0, 32);
    int occurrence = occurrences.merge(hash, 1, Integer::sum);
    return hash + ":" + occurrence;
  }

  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFORMATION, HINT -> "note";
    };
  }

  private static JsonObject region(LocatedFinding.Range range) {
    JsonObject region = new JsonObject();
    region.addProperty("startLine", range.line());
    region.addProperty("startColumn", range.column());
    region.addProperty("endLine", range.endLine());
    region.addProperty("endColumn", range.endColumn());
    return region;
  }

  /** Returns the artifact location of a display path: relative to %SRCROOT% when under it. */
  JsonObject artifactLocation(String displayPath) {
    JsonObject location = new JsonObject();
    Path absolute = workingFolder.resolve(displayPath).normalize();
    if (absolute.startsWith(workingFolder)) {
      location.addProperty("uri", relativeUri(workingFolder.relativize(absolute)));
      location.addProperty("uriBaseId", SRCROOT);
    } else {
      location.addProperty("uri", absolute.toUri().toString());
    }
    return location;
  }

  private static String relativeUri(Path relative) {
    StringBuilder path = new StringBuilder();
    for (Path segment : relative) {
      if (!path.isEmpty()) {
        path.append('/');
      }
      path.append(segment);
    }
    String text = path.toString();
    // A colon in the first segment would read as a URI scheme.
    int colon = text.indexOf(':');
    int slash = text.indexOf('/');
    if (colon >= 0 && (slash < 0 || colon < slash)) {
      text = "./" + text;
    }
    try {
      return new URI(null, null, text, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new AssertionError("A relative path always forms a URI: " + text, e);
    }
  }

  private static JsonObject text(String value) {
    JsonObject message = new JsonObject();
    message.addProperty("text", value);
    return message;
  }
}
