package dev.certreg.server.sigv4;

import java.util.function.UnaryOperator;

/** A named edit of a signed request's text. */
record TextMutation(String name, UnaryOperator<String> edit) {
    String apply(String text) {
        String edited = edit.apply(text);
        if (edited.equals(text)) {
            throw new IllegalStateException("mutation '" + name + "' changed nothing");
        }
        return edited;
    }

    /** {@code text} with the one occurrence of {@code from} replaced; fails if there is not exactly one. */
    static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException("'" + from + "' does not occur exactly once");
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    @Override
    public String toString() {
        return name;
    }
}
