package org.jykka.shell;

/** What looking an actor up by URN or name found. */
sealed interface Lookup {

    /** Exactly one actor matched. */
    record Found(ActorListing actor) implements Lookup { }

    /** None matched, or several did; {@code reason} says which and what to type instead. */
    record Missing(String reason) implements Lookup { }
}
