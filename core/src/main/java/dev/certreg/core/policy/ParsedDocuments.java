package dev.certreg.core.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed policy documents by their text, so that a {@link PolicySource} reading stored documents at every decision
 * parses each one once. Holds at most {@code capacity} documents, dropping the least recently used. Only for documents
 * that {@link PolicyDocument#parse(String)} accepted when they were stored; a document that no longer parses throws
 * as {@code parse} does. Thread-safe.
 */
public final class ParsedDocuments {
    private final Map<String, PolicyDocument> documents;

    public ParsedDocuments(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.documents = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PolicyDocument> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The policy {@code policyName} with the parsed form of {@code documentText}. */
    public AppliedPolicy applied(String policyName, String documentText) {
        return new AppliedPolicy(policyName, document(documentText));
    }

    /** The parsed form of {@code documentText}, parsed now only if it is not held already. */
    public PolicyDocument document(String documentText) {
        synchronized (documents) {
            PolicyDocument held = documents.get(documentText);
            if (held != null) {
                return held;
            }
        }
        PolicyDocument parsed = PolicyDocument.parse(documentText);
        synchronized (documents) {
            documents.put(documentText, parsed);
        }
        return parsed;
    }

    /** How many documents are held. */
    public int size() {
        synchronized (documents) {
            return documents.size();
        }
    }
}
