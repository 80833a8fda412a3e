package dev.tlsguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates SARIF logs against the SARIF 2.1.0 JSON schema, which the build fetches from a pinned
 * npm package into the path in system property {@code tlsguard.sarif.schema}.
 */
final class SarifValidator {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static volatile JsonSchema schema;

  private SarifValidator() {}

  /** Returns the schema violations of {@code json}; empty when it is a valid SARIF 2.1.0 log. */
  static List<String> violations(String json) {
    try {
      JsonNode log = MAPPER.readTree(json);
      return schema().validate(log).stream().map(ValidationMessage::toString).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Output is not JSON: " + json, e);
    }
  }

  private static JsonSchema schema() throws IOException {
    JsonSchema result = schema;
    if (result == null) {
      String location = System.getProperty("tlsguard.sarif.schema");
      if (location == null) {
        throw new IllegalStateException(
            "System property tlsguard.sarif.schema is not set; run the tests through Maven");
      }
      // The schema declares draft-04 in its $schema field.
      JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
      try (InputStream in = Files.newInputStream(Path.of(location))) {
        result = factory.getSchema(in);
      }
      schema = result;
    }
    return result;
  }
}
