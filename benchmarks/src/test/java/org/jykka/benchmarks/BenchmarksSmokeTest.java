package org.jykka.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark once, briefly, in this JVM, so that none of them can rot unnoticed: a
 * benchmark that throws, hangs (every wait in them is bounded) or reports nothing fails the build.
 * No timing is asserted: the smoke profile's numbers mean nothing.
 */
class BenchmarksSmokeTest {

    @Test
    void everyBenchmarkRunsOnceForEveryContenderThisJvmCanRun() throws Exception {
        BenchmarkMain smoke = new BenchmarkMain(true);

        String table = smoke.run();
        System.out.println(table);

        assertEquals(List.of(), smoke.missing(), "benchmarks without a result");
        assertTrue(table.contains("| 1. tell, one sender to one actor |"), table);
    }
}
