package org.jykka.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointTextTest {

    @Test
    void endpointsSurviveTheRoundTripWithTheirTypes() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("endpoint.id", "id with spaces, commas\tand\ttabs\n");
        first.put("endpoint.service.id", 37L);
        first.put("objectClass", new String[] {"com.example.A", "com.example.B,C"});
        first.put("service.imported.configs", List.of("aries.fastbin"));
        first.put("port", 2543);
        first.put("flag", true);
        first.put("ignored", new Object());
        Map<String, Object> second = Map.of("endpoint.id", "2");

        List<Map<String, Object>> read = EndpointText.read(EndpointText.write(List.of(first, second)));

        assertEquals(2, read.size());
        assertEquals("id with spaces, commas\tand\ttabs\n", read.get(0).get("endpoint.id"));
        assertEquals(37L, read.get(0).get("endpoint.service.id"));
        assertArrayEquals(new String[] {"com.example.A", "com.example.B,C"}, (String[]) read.get(0).get("objectClass"));
        assertArrayEquals(new String[] {"aries.fastbin"}, (String[]) read.get(0).get("service.imported.configs"));
        assertEquals(2543, read.get(0).get("port"));
        assertEquals(true, read.get(0).get("flag"));
        assertEquals(6, read.get(0).size(), "a property of another type is left out");
        assertEquals(Map.of("endpoint.id", "2"), read.get(1));
    }

    @Test
    void nothingIsNoEndpoint() {
        assertEquals(List.of(), EndpointText.read(EndpointText.write(List.of())));
    }

    @Test
    void aLineThatIsNoPropertyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EndpointText.read("HTTP/1.0 404 Not Found\n"));
        assertThrows(IllegalArgumentException.class, () -> EndpointText.read("key\tL\tnot-a-number\n"));
    }
}
