package org.jykka.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void briefNeverSplitsACharacterInTwo() {
        String clef = "\uD834\uDD1E"; // one character, two chars
        assertEquals("ab...", Text.brief("ab" + clef + "cd", 3));
    }

    @Test
    void briefOfAShortTextIsTheTextItself() {
        assertEquals("hello", Text.brief("hello", 5));
    }

    @Test
    void briefSurvivesAToStringThatRecursesWithoutEnd() {
        Object recursive = new Object() {
            @Override
            public String toString() {
                return "again " + this;
            }
        };
        assertEquals(recursive.getClass().getName() + " (its toString() threw java.lang.StackOverflowError)",
                Text.brief(recursive, 10));
    }
}
