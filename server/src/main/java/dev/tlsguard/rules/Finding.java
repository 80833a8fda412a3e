package dev.tlsguard.rules;

import java.util.List;
import java.util.Optional;

/**
 * One insecure protocol selection found in a Python file.
 *
 * @param kind what sort of selection it is
 * @param protocol the oldest protocol the code selects or allows
 * @param severity the severity after settings are applied
 * @param start char index where the insecure value expression starts
 * @param end char index just past the insecure value expression
 * @param constant the source text of the value, such as {@code ssl.PROTOCOL_TLSv1}
 * @param message a sentence that names the constant and the fix
 * @param fixes the fixes that apply, safe ones first
 * @param sink the call or assignment target that receives the value, when there is one
 */
public record Finding(
    FindingKind kind,
    Protocol protocol,
    Severity severity,
    int start,
    int end,
    String constant,
    String message,
    List<Fix> fixes,
    Optional<Sink> sink) {

  /** The rule id that every finding carries. */
  public static final String RULE_ID = "python-security/insecure-ssl-protocols";

  public Finding {
    fixes = List.copyOf(fixes);
  }

  /** Returns the first safe fix, if any. */
  public Optional<Fix> safeFix() {
    return fixes.stream().filter(Fix::safe).findFirst();
  }

  /**
   * The receiver of the insecure value: a call it is passed to, or the target it is assigned to.
   *
   * @param start char index where the receiving expression starts
   * @param end char index just past it
   * @param description a short phrase such as {@code passed to ssl.SSLContext}
   */
  public record Sink(int start, int end, String description) {}
}
