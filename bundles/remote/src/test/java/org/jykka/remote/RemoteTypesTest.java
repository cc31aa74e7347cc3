package org.jykka.remote;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RemoteTypesTest {
    record Inner(long value) implements Serializable {}

    record Point(int x, int y, Inner inner) implements Serializable {}

    static class Holder implements Serializable {
        private static final long serialVersionUID = 1L;
        Inner kept;
        transient Thread skipped;
    }

    record Unrelated(String text) implements Serializable {}

    interface Service {
        Point move(Point point);

        CompletableFuture<List<Holder>> all(Map<String, ? extends Inner> byName);
    }

    @Test
    void theValueTypesOfAnInterfaceIncludeTypeArgumentsRecordComponentsAndFieldsButNothingElse() {
        Set<String> types = RemoteTypes.valueTypes(Service.class);

        assertTrue(types.containsAll(Set.of(Point.class.getName(), Inner.class.getName(), Holder.class.getName())),
                types.toString());
        assertFalse(types.contains(Unrelated.class.getName()), types.toString());
        assertFalse(types.contains(Thread.class.getName()), "a transient field's type does not cross");
    }
}
