package dev.tlsguard.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tlsguard.rules.Finding;
import java.io.IOException;
import java.util.List;

/**
 * A JSON array with one object per finding. Lines and columns are 1-based, columns count Unicode
 * code points, and {@code endColumn} is the column just past the last character.
 */
final class JsonReport implements CheckReport {
  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  @Override
  public void write(List<FileResult> results, List<PathError> searchErrors, Appendable out)
      throws IOException {
    JsonArray findings = new JsonArray();
    for (FileResult result : results) {
      for (LocatedFinding finding : result.findings()) {
        findings.add(toJson(finding));
      }
    }
    GSON.toJson(findings, out);
    out.append('\n');
  }

  static JsonObject toJson(LocatedFinding located) {
    Finding finding = located.finding();
    JsonObject json = new JsonObject();
    json.addProperty("path", located.path());
    addRange(json, located.range());
    json.addProperty("rule", Finding.RULE_ID);
    json.addProperty("kind", finding.kind().id());
    json.addProperty("severity", finding.severity().id());
    json.addProperty("protocol", finding.protocol().displayName());
    json.addProperty("constant", finding.constant());
    json.addProperty("message", finding.message());
    JsonArray fixes = new JsonArray();
    for (LocatedFinding.LocatedFix fix : located.fixes()) {
      fixes.add(toJson(fix));
    }
    json.add("fixes", fixes);
    return json;
  }

  private static JsonObject toJson(LocatedFinding.LocatedFix fix) {
    JsonObject json = new JsonObject();
    json.addProperty("title", fix.title());
    json.addProperty("safe", fix.safe());
    JsonArray edits = new JsonArray();
    for (LocatedFinding.LocatedEdit edit : fix.edits()) {
      JsonObject jsonEdit = new JsonObject();
      addRange(jsonEdit, edit.range());
      jsonEdit.addProperty("replacement", edit.replacement());
      edits.add(jsonEdit);
    }
    json.add("edits", edits);
    return json;
  }

  private static void addRange(JsonObject json, LocatedFinding.Range range) {
    json.addProperty("line", range.line());
    json.addProperty("column", range.column());
    json.addProperty("endLine", range.endLine());
    json.addProperty("endColumn", range.endColumn());
  }
}
