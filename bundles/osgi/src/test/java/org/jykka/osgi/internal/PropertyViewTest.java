package org.jykka.osgi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertyViewTest {

    public interface Server {
        String host();

        int port();

        default boolean secure() {
            return port() == 443;
        }

        List<Integer> backups();
    }

    public @interface Limits {
        long max_size() default 10;

        String name();

        Colour colour() default Colour.RED;

        String[] tags() default {};
    }

    public enum Colour { RED, GREEN }

    public record Point(int x, Integer y, String label) {}

    @Test
    void anInterfaceViewConvertsTextToEachMethodsType() {
        Server server = (Server) PropertyView.of(Server.class,
                Map.of("host", "example.com", "port", "443", "backups", "8080, 8081"));

        assertEquals("example.com", server.host());
        assertEquals(443, server.port());
        assertEquals(List.of(8080, 8081), server.backups());
    }

    @Test
    void aMissingPropertyRunsTheInterfacesDefaultMethod() {
        Server server = (Server) PropertyView.of(Server.class, Map.of("host", "h", "port", 443, "backups", List.of()));

        assertTrue(server.secure());
    }

    @Test
    void anAnnotationViewTakesItsDefaultsAndReadsDottedKeysForUnderscores() {
        Limits limits = (Limits) PropertyView.of(Limits.class,
                Map.of("max.size", "99", "name", "limits", "colour", "green", "tags", new String[] {"a", "b"}));

        assertEquals(99, limits.max_size());
        assertEquals("limits", limits.name());
        assertEquals(Colour.GREEN, limits.colour());
        assertArrayEquals(new String[] {"a", "b"}, limits.tags());
        assertEquals(Limits.class, limits.annotationType());
    }

    @Test
    void aRecordViewLeavesAMissingObjectComponentNull() {
        Point point = (Point) PropertyView.of(Point.class, Map.of("x", "1"));

        assertEquals(1, point.x());
        assertNull(point.y());
    }

    @Test
    void aMissingPropertyWithoutDefaultIsNamed() {
        var failure = assertThrows(IllegalArgumentException.class, () -> PropertyView.of(Limits.class, Map.of()));

        assertTrue(failure.getMessage().contains("'name' is missing"), failure.getMessage());
    }

    @Test
    void aValueThatDoesNotConvertIsNamedWithTheWantedType() {
        var failure = assertThrows(IllegalArgumentException.class,
                () -> PropertyView.of(Server.class, Map.of("host", "h", "port", "eighty", "backups", "")));

        assertEquals("property 'port' is 'eighty', which is not an int", failure.getMessage());
    }

    @Test
    void aNumberWithAFractionIsNotAnInt() {
        assertThrows(IllegalArgumentException.class, () -> PropertyView.of(Point.class, Map.of("x", 1.5)));
    }

    @Test
    void aBooleanMustBeTrueOrFalse() {
        var failure = assertThrows(IllegalArgumentException.class,
                () -> PropertyValues.convert("on", "yes", boolean.class));

        assertEquals("property 'on' is 'yes', which is not a boolean", failure.getMessage());
    }

    @Test
    void anEnumNamesItsConstantsWhenTheValueIsNoneOfThem() {
        var failure = assertThrows(IllegalArgumentException.class,
                () -> PropertyValues.convert("colour", "blue", Colour.class));

        assertTrue(failure.getMessage().contains("[RED, GREEN]"), failure.getMessage());
    }

    @Test
    void aDurationIsReadInIso8601() {
        assertEquals(Duration.ofSeconds(2), PropertyValues.convert("timeout", "PT2S", Duration.class));
    }
}
