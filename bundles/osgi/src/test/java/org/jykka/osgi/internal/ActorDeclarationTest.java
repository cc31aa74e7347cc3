package org.jykka.osgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jykka.Restart;
import org.junit.jupiter.api.Test;

class ActorDeclarationTest {

    @Test
    void aBareClassNameDeclaresAnActorWithDefaultNameAndNoServices() {
        var parsed = ActorDeclaration.parseHeader("com.example.Greeter");

        assertEquals(List.of(new ActorDeclaration("com.example.Greeter", Optional.empty(), List.of())),
                parsed.declarations());
        assertEquals(List.of(), parsed.errors());
    }

    @Test
    void clausesAreSeparatedByCommasOutsideQuotes() {
        var parsed = ActorDeclaration.parseHeader(
                "com.example.A, com.example.B;name=bee;services:List<String>=\"com.example.X,com.example.Y\","
                        + "com.example.Outer$Inner;name=\"my actor, the second\"");

        assertEquals(List.of(
                new ActorDeclaration("com.example.A", Optional.empty(), List.of()),
                new ActorDeclaration("com.example.B", Optional.of("bee"), List.of("com.example.X", "com.example.Y")),
                new ActorDeclaration("com.example.Outer$Inner", Optional.of("my actor, the second"), List.of())),
                parsed.declarations());
    }

    @Test
    void servicesMayBeWrittenWithoutAType() {
        var parsed = ActorDeclaration.parseHeader("com.example.A;services=com.example.X");

        assertEquals(List.of("com.example.X"), parsed.declarations().get(0).services());
    }

    @Test
    void aMalformedClauseIsReportedAndTheOthersStillCount() {
        var parsed = ActorDeclaration.parseHeader("com.example.Good,com.example.Bad;colour=red,not a class,,com.example.C;name");

        assertEquals(List.of(new ActorDeclaration("com.example.Good", Optional.empty(), List.of())),
                parsed.declarations());
        assertEquals(4, parsed.errors().size(), parsed.errors().toString());
        assertTrue(parsed.errors().get(0).contains("colour"), parsed.errors().get(0));
        assertTrue(parsed.errors().get(1).contains("not a class"), parsed.errors().get(1));
        assertTrue(parsed.errors().get(2).contains("empty clause"), parsed.errors().get(2));
        assertTrue(parsed.errors().get(3).contains("no value"), parsed.errors().get(3));
    }

    @Test
    void aServiceThatIsNotAClassNameIsMalformed() {
        var parsed = ActorDeclaration.parseHeader("com.example.A;services:List<String>=\"com.example.X,,\"");

        assertEquals(List.of(), parsed.declarations());
        assertTrue(parsed.errors().get(0).contains("services"), parsed.errors().get(0));
    }

    @Test
    void anUnterminatedQuoteMakesTheWholeHeaderMalformed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ActorDeclaration.parseHeader("com.example.A;name=\"open, com.example.B"));

        assertTrue(e.getMessage().contains("quote"), e.getMessage());
    }

    @Test
    void aFactoryPidDeclaresAConfiguredActor() {
        var parsed = ActorDeclaration.parseHeader("com.example.A;name=a;factoryPid=\"com.example.a\"");

        assertEquals(List.of(new ActorDeclaration("com.example.A", Optional.of("a"), List.of(), Optional.of("com.example.a"))),
                parsed.declarations());
    }

    @Test
    void anEmptyFactoryPidIsMalformed() {
        var parsed = ActorDeclaration.parseHeader("com.example.A;factoryPid=\"\"");

        assertEquals(List.of(), parsed.declarations());
        assertTrue(parsed.errors().get(0).contains("factoryPid is empty"), parsed.errors().toString());
    }

    @Test
    void exportedTrueExportsTheTypedServices() {
        var parsed = ActorDeclaration.parseHeader("com.example.A;services:List<String>=\"com.example.X\";exported=true");

        assertTrue(parsed.declarations().get(0).exported(), parsed.toString());
        assertFalse(ActorDeclaration.parseHeader("com.example.A;services=com.example.X").declarations().get(0).exported());
    }

    @Test
    void exportedWithoutServicesOrWithAnotherValueIsMalformed() {
        var parsed = ActorDeclaration.parseHeader("com.example.A;exported=true,com.example.B;services=com.example.X;exported=yes");

        assertEquals(List.of(), parsed.declarations());
        assertTrue(parsed.errors().get(0).contains("exported=true needs services"), parsed.errors().toString());
        assertTrue(parsed.errors().get(1).contains("exported=yes is neither true nor false"), parsed.errors().toString());
    }

    @Test
    void aClauseWithoutRestartParametersNeverRestarts() {
        assertEquals(Restart.never(), ActorDeclaration.parseHeader("com.example.A").declarations().get(0).restart());
    }

    @Test
    void maxRestartsWithinAWindowIsARestartLimit() {
        var parsed = ActorDeclaration.parseHeader("com.example.A;maxRestarts=3;within=\"PT10S\"");

        assertEquals(Restart.limit(3, Duration.ofSeconds(10)), parsed.declarations().get(0).restart());
    }

    @Test
    void aBackoffIsAddedToTheLimit() {
        var parsed = ActorDeclaration.parseHeader("com.example.A;maxRestarts=3;within=PT10S;backoffMin=PT0.1S;backoffMax=PT5S");

        assertEquals(Restart.limit(3, Duration.ofSeconds(10)).withBackoff(Duration.ofMillis(100), Duration.ofSeconds(5)),
                parsed.declarations().get(0).restart());
    }

    @Test
    void zeroMaxRestartsNeverRestarts() {
        assertEquals(Restart.never(), ActorDeclaration.parseHeader("com.example.A;maxRestarts=0").declarations().get(0).restart());
    }

    @Test
    void eachBadRestartParameterMakesItsClauseMalformedNamingTheParameter() {
        List<String> clauses = List.of(
                "com.example.A;maxRestarts=three;within=PT10S",
                "com.example.A;maxRestarts=-1;within=PT10S",
                "com.example.A;maxRestarts=3",
                "com.example.A;maxRestarts=3;within=soon",
                "com.example.A;maxRestarts=3;within=PT0S",
                "com.example.A;within=PT10S",
                "com.example.A;maxRestarts=3;within=PT10S;backoffMin=PT1S",
                "com.example.A;maxRestarts=3;within=PT10S;backoffMin=PT5S;backoffMax=PT1S",
                "com.example.A;maxRestarts=3;within=PT10S;backoffMin=-PT1S;backoffMax=PT1S");
        List<String> named = List.of("maxRestarts", "maxRestarts", "within", "within", "within", "within",
                "backoffMax", "backoffMin", "backoffMin");
        for (int i = 0; i < clauses.size(); i++) {
            var parsed = ActorDeclaration.parseHeader(clauses.get(i) + ",com.example.Fine");

            assertEquals(List.of(new ActorDeclaration("com.example.Fine", Optional.empty(), List.of())),
                    parsed.declarations(), clauses.get(i));
            assertEquals(1, parsed.errors().size(), parsed.errors().toString());
            assertTrue(parsed.errors().get(0).contains("com.example.A") && parsed.errors().get(0).contains(named.get(i)),
                    clauses.get(i) + ": " + parsed.errors().get(0));
        }
    }
}
