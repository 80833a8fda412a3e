package dev.tlsguard.document;

import dev.tlsguard.parse.SourceText;

/**
 * An immutable view of one version of a document, safe to share between threads.
 *
 * @param uri the document URI
 * @param version the document version
 * @param source the text of that version with its line table
 */
public record Snapshot(String uri, int version, SourceText source) {}
