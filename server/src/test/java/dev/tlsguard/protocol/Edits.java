package dev.tlsguard.protocol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;

/** Applies protocol text edits in UTF-16 positions, independently of the server's converter. */
final class Edits {
  private Edits() {}

  /** Returns the char index of a UTF-16 position, with lines split at \r\n, \r and \n. */
  static int offset(String text, Position position) {
    int line = 0;
    int index = 0;
    while (line < position.getLine()) {
      char c = text.charAt(index++);
      if (c == '\r' && index < text.length() && text.charAt(index) == '\n') {
        index++;
      }
      if (c == '\n' || c == '\r') {
        line++;
      }
    }
    return index + position.getCharacter();
  }

  /** Applies {@code edits}, whose ranges all refer to {@code text}. */
  static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> ordered = new ArrayList<>(edits);
    ordered.sort(
        Comparator.comparingInt((TextEdit e) -> offset(text, e.getRange().getStart())).reversed());
    String result = text;
    for (TextEdit edit : ordered) {
      int start = offset(text, edit.getRange().getStart());
      int end = offset(text, edit.getRange().getEnd());
      result = result.substring(0, start) + edit.getNewText() + result.substring(end);
    }
    return result;
  }

  /** Returns the edits of an action, from either {@code documentChanges} or {@code changes}. */
  static List<TextEdit> of(CodeAction action, String uri) {
    var edit = action.getEdit();
    if (edit.getDocumentChanges() != null) {
      List<TextEdit> edits = new ArrayList<>();
      for (var change : edit.getDocumentChanges()) {
        var documentEdit = change.getLeft();
        if (documentEdit.getTextDocument().getUri().equals(uri)) {
          documentEdit.getEdits().forEach(e -> edits.add(e.getLeft()));
        }
      }
      return edits;
    }
    return edit.getChanges().getOrDefault(uri, List.of());
  }
}
