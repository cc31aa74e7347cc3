package org.jykka.internal;

/**
 * Text of user objects for logs and error messages, whatever their {@code toString} does: the loop
 * must finish even when describing a message or an exception throws (an {@link Error} included).
 */
public final class SafeText {
    /** How much of a message a log record or an error text quotes. */
    public static final int BRIEF = 200;

    private SafeText() {}

    /** {@code String.valueOf(object)}, or its class name if its {@code toString} throws. */
    public static String of(Object object) {
        try {
            return String.valueOf(object);
        } catch (Throwable brokenToString) {
            return "a " + object.getClass().getName() + " (its toString threw " + brokenToString.getClass().getName() + ")";
        }
    }

    /** As {@link #of}, cut to {@value #BRIEF} characters: a 10 MiB message must not become a 10 MiB record. */
    public static String brief(Object object) {
        String text = of(object);
        return text.length() > BRIEF ? text.substring(0, BRIEF) + "…" : text;
    }
}
