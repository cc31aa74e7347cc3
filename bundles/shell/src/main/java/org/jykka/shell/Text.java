package org.jykka.shell;

/** Text of objects the shell does not control, such as an actor's exception. */
final class Text {

    private Text() {
    }

    /**
     * {@code value.toString()} on one line; if that throws (a user's object may), its class name and
     * what went wrong, so a report never fails for the thing it reports.
     */
    static String of(Object value) {
        if (value == null) {
            return "null";
        }
        try {
            return String.valueOf(value).replaceAll("\\s*\\R\\s*", " ");
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return broken(value, e);
        }
    }

    /**
     * At most {@code max} characters of {@code value}'s text, then {@code "..."} if there was more,
     * fit for one terminal line: line breaks and tabs become spaces, other control characters (an
     * escape sequence could rewrite the operator's screen) become {@code ?}. A {@code String} is cut
     * without copying it whole; another object's {@code toString} runs once, and if it throws (or
     * recurses without end), its class name stands in.
     */
    static String brief(Object value, int max) {
        String text;
        try {
            text = value instanceof String string ? string : String.valueOf(value);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return broken(value, e);
        }
        int end = Math.min(text.length(), max);
        if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a character in two
        }
        StringBuilder line = new StringBuilder(end + 3);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            line.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : Character.isISOControl(c) ? '?' : c);
        }
        return end < text.length() ? line.append("...").toString() : line.toString();
    }

    /** What stands in for the text of an object whose {@code toString} threw. */
    private static String broken(Object value, Throwable failure) {
        return value.getClass().getName() + " (its toString() threw " + failure.getClass().getName() + ")";
    }
}
