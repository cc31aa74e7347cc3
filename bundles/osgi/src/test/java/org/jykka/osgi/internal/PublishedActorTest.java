package org.jykka.osgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PublishedActorTest {

    @Test
    void aFailureIsDescribedByItsToString() {
        assertEquals("java.lang.IllegalStateException: boom", PublishedActor.describe(new IllegalStateException("boom")));
    }

    @Test
    void aFailureWhoseToStringThrowsIsStillDescribedByItsClass() {
        Throwable hostile = new RuntimeException() {
            private static final long serialVersionUID = 1L;

            @Override
            public String toString() {
                throw new UnsupportedOperationException("no");
            }
        };

        String described = PublishedActor.describe(hostile);

        assertEquals(hostile.getClass().getName() + " (whose toString threw java.lang.UnsupportedOperationException)", described);
    }
}
