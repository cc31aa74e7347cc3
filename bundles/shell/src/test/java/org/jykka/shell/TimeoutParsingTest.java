package org.jykka.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeoutParsingTest {

    @Test
    void plainNumberIsSeconds() {
        assertEquals(Duration.ofMillis(2500), ActorCommands.parseTimeout("2.5"));
    }

    @Test
    void unitsAndIsoDurationsAreUnderstood() {
        assertEquals(Duration.ofMillis(500), ActorCommands.parseTimeout("500ms"));
        assertEquals(Duration.ofSeconds(2), ActorCommands.parseTimeout("2s"));
        assertEquals(Duration.ofMinutes(1), ActorCommands.parseTimeout("1m"));
        assertEquals(Duration.ofSeconds(3), ActorCommands.parseTimeout("PT3S"));
    }

    @Test
    void garbageIsRejectedWithASentenceNamingTheInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActorCommands.parseTimeout("soon"));
        assertTrue(e.getMessage().contains("'soon' is not a timeout"), e.getMessage());
    }

    @Test
    void zeroIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ActorCommands.parseTimeout("0"));
    }
}
