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
        } catch (RuntimeException | LinkageError e) {
            return value.getClass().getName() + " (its toString() threw " + e.getClass().getName() + ")";
        }
    }
}
