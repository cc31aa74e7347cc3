package org.jykka.testremote.api;

import java.io.Serializable;

/** Serialisable, but the type of no method of {@link Counter}: the filter must not deserialise it. */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "a secret";
    }
}
