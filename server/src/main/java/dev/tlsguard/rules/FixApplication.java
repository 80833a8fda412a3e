package dev.tlsguard.rules;

import dev.tlsguard.fixes.FixApplier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Applies one chosen fix per finding to a text, in one pass through {@link FixApplier}.
 *
 * <p>Edits that are exactly equal (two findings adding the same name to one import line) are
 * applied once. A fix whose edits overlap an edit already chosen is skipped whole, so the result
 * never mixes half of one fix with another. Running the rule again and repeating fixes the rest.
 *
 * @param text the text after the fixes
 * @param applied the fixes that were applied
 * @param skipped the fixes that were skipped because they overlapped an earlier one
 */
public record FixApplication(String text, List<Fix> applied, List<Fix> skipped) {

  /** Applies the first safe fix of each finding. */
  public static FixApplication applySafe(String text, List<Finding> findings) {
    return apply(text, findings, finding -> finding.safeFix().orElse(null));
  }

  /** Applies the first fix of each finding, safe or not. */
  public static FixApplication applyAny(String text, List<Finding> findings) {
    return apply(text, findings, finding -> finding.fixes().isEmpty() ? null : finding.fixes().get(0));
  }

  /** Applies the fix that {@code choose} picks for each finding; a null pick skips the finding. */
  public static FixApplication apply(String text, List<Finding> findings, Function<Finding, Fix> choose) {
    List<Fix> chosen = new ArrayList<>();
    for (Finding finding : findings) {
      Fix fix = choose.apply(finding);
      if (fix != null) {
        chosen.add(fix);
      }
    }
    // The rule already writes inserted lines with the file's own line ending.
    FixApplier.FixResult result = new FixApplier("\n").apply(text, chosen);
    return new FixApplication(result.text(), result.applied(), result.skipped());
  }
}
