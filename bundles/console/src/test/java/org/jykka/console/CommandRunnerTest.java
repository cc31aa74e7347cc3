package org.jykka.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CommandRunnerTest {

    @Test
    void failureIsItsMessageOnOneLine() {
        assertEquals("No actor is named 'x'. Running: greeter",
                CommandRunner.describe(new IllegalStateException("No actor is named 'x'.\n  Running: greeter")));
    }

    @Test
    void gogoCoercionFailureBecomesAPointerToHelp() {
        assertEquals("Wrong arguments for lb: 'help lb' shows what it takes", CommandRunner.describe(
                new IllegalArgumentException("Cannot coerce lb(String, String) to any of [(), (String)]")));
    }

    @Test
    void failureWithoutAMessageIsItsType() {
        assertEquals("java.lang.NullPointerException", CommandRunner.describe(new NullPointerException()));
    }

    @Test
    void failureWhoseGetMessageThrowsIsStillDescribed() {
        RuntimeException hostile = new RuntimeException() {
            private static final long serialVersionUID = 1L;

            @Override
            public String getMessage() {
                throw new IllegalStateException("gotcha");
            }
        };
        assertEquals(hostile.getClass().getName(), CommandRunner.describe(hostile));
    }
}
