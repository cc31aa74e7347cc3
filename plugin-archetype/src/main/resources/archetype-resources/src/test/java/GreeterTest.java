package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.junit.jupiter.api.Test;

class GreeterTest {

    @Test
    void answersAnAskWithAGreeting() {
        ActorRef<Greeter> greeter = Actor.start(new Greeter());
        try {
            assertEquals("Hello, world!", greeter.ask("world").get(Duration.ofSeconds(10)));
        } finally {
            greeter.stop();
        }
    }
}
