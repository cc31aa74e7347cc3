package org.jykka.osgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jykka.threading.ThreadingActor;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

class ActorConstructorTest {

    public interface Settings {
        String text();
    }

    public static class Configured extends ThreadingActor {
        final Settings settings;

        public Configured(Settings settings) {
            this.settings = settings;
        }

        public Configured(BundleContext context, Map<String, Object> properties) {
            this.settings = null;
        }
    }

    public static class Unconfigurable extends ThreadingActor {
        public Unconfigurable(BundleContext context) {}
    }

    public static class Ambiguous extends ThreadingActor {
        public Ambiguous(Settings settings) {}

        public Ambiguous(Map<String, Object> properties) {}
    }

    @Test
    void theFormWithTheBundleContextIsPreferred() {
        ActorConstructor constructor = ActorConstructor.configured(Configured.class);

        assertTrue(constructor.takesContext());
        assertEquals(Map.class, constructor.properties());
    }

    @Test
    void aTypedViewIsBuiltFromTheProperties() throws Exception {
        ActorConstructor constructor = new ActorConstructor(Configured.class.getConstructor(Settings.class), false, Settings.class);

        Configured actor = (Configured) constructor.newInstance(constructor.arguments(null, Map.of("text", "hi")));

        assertEquals("hi", actor.settings.text());
    }

    @Test
    void aConfiguredActorWithoutAConstructorTakingPropertiesIsRefusedWithWhatToAdd() {
        var failure = assertThrows(IllegalArgumentException.class, () -> ActorConstructor.configured(Unconfigurable.class));

        assertTrue(failure.getMessage().contains("Map<String, Object>"), failure.getMessage());
    }

    @Test
    void twoConstructorsThatCouldTakeTheConfigurationAreRefused() {
        var failure = assertThrows(IllegalArgumentException.class, () -> ActorConstructor.configured(Ambiguous.class));

        assertTrue(failure.getMessage().contains("keep one"), failure.getMessage());
    }

    @Test
    void aPlainActorPrefersTheBundleContextConstructor() {
        assertTrue(ActorConstructor.plain(Unconfigurable.class).takesContext());
    }
}
