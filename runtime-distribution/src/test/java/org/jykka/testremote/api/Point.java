package org.jykka.testremote.api;

import java.io.Serializable;

/** A value type of {@link Counter}'s methods. */
public record Point(int x, int y) implements Serializable {
}
