package org.jykka.shell;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.jykka.ActorDeadException;
import org.jykka.ActorException;
import org.jykka.ActorRef;
import org.jykka.ActorTimeoutException;

/**
 * The {@code jykka} shell commands. Gogo calls the public methods by name; each prints what it did
 * to the session's {@code System.out} (Gogo redirects it per session), and a mistake (an unknown
 * actor, a bad timeout) is one plain line on {@code System.err}, never an exception, so a script
 * carries on and a user reads a sentence instead of a stack trace.
 *
 * <p>The command that stops an actor is {@code stopactor}, not {@code stop}: Gogo resolves an
 * unqualified command by searching every scope, and a second {@code stop} would make
 * {@code stop 0} (stop the framework) ambiguous.
 */
public final class ActorCommands {

    static final String SCOPE = "jykka";
    static final String[] FUNCTIONS = {"actors", "actor", "tell", "ask", "stopactor"};

    /** How long {@code ask} waits when no timeout is given. */
    static final Duration DEFAULT_ASK_TIMEOUT = Duration.ofSeconds(5);
    /** How long {@code stopactor} waits for the actor to finish its inbox and {@code onStop}. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ActorDirectory directory;

    ActorCommands(ActorDirectory directory) {
        this.directory = directory;
    }

    /** {@code jykka:actors}: a table of every actor: name, class, bundle, alive, inbox size, URN. */
    public void actors() {
        List<ActorListing> actors = directory.list();
        if (actors.isEmpty()) {
            System.out.println("No actors are running. Copy a plugin jar into deploy/ (see examples/).");
            return;
        }
        TextTable table = new TextTable("NAME", "CLASS", "BUNDLE", "ALIVE", "INBOX", "URN");
        for (ActorListing actor : actors) {
            ActorRef<?> ref = actor.ref();
            table.add(actor.name() == null ? "-" : actor.name(), ref.actorClass().getName(), actor.bundle(),
                    ref.isAlive() ? "yes" : "no", Integer.toString(ref.inboxSize()), ref.urn());
        }
        System.out.print(table.render());
        System.out.println(actors.size() + (actors.size() == 1 ? " actor" : " actors"));
    }

    /**
     * {@code jykka:actor <urn|name>}: one actor in detail, with the services it is published under.
     */
    public void actor(String actor) {
        ActorListing target = find(actor);
        if (target == null) {
            return;
        }
        ActorRef<?> ref = target.ref();
        List<String> services = directory.servicesOf(ref.urn());
        TextTable details = new TextTable("name:", target.name() == null ? "-" : target.name());
        details.add("class:", ref.actorClass().getName());
        details.add("urn:", ref.urn());
        details.add("bundle:", target.bundle());
        details.add("alive:", ref.isAlive() ? "yes" : "no");
        details.add("inbox:", Integer.toString(ref.inboxSize()));
        details.add("services:", services.isEmpty() ? "none (not published)" : String.join(", ", services));
        System.out.print(details.render());
    }

    /**
     * {@code jykka:tell <urn|name> <text...>}: sends the words, joined by spaces, as one string
     * message, not waiting ({@code tell greeter hello there} and {@code tell greeter 'hello there'}
     * send the same).
     */
    public void tell(String actor, String... words) {
        if (words.length == 0) {
            System.err.println("Give a message to send: jykka:tell " + actor + " <text>");
            return;
        }
        String text = String.join(" ", words);
        ActorListing target = find(actor);
        if (target == null) {
            return;
        }
        try {
            target.ref().tell(text);
            System.out.println("Told " + describe(target) + ": " + text);
        } catch (ActorDeadException e) {
            notAlive(target);
        }
    }

    /** {@code jykka:ask <urn|name> <text>}: as the three-argument form, waiting 5 seconds. */
    public void ask(String actor, String text) {
        ask(find(actor), text, DEFAULT_ASK_TIMEOUT);
    }

    /**
     * {@code jykka:ask <urn|name> <text> <timeout>}: sends {@code text}, waits for the answer and
     * prints it. The timeout is seconds ({@code 2}, {@code 0.5}), or with a unit ({@code 500ms},
     * {@code 2s}, {@code 1m}), or ISO-8601 ({@code PT2S}).
     */
    public void ask(String actor, String text, String timeout) {
        Duration wait;
        try {
            wait = parseTimeout(timeout);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return;
        }
        ask(find(actor), text, wait);
    }

    /** {@code jykka:stopactor <urn|name>}: stops the actor after the messages already in its inbox. */
    public void stopactor(String actor) {
        ActorListing target = find(actor);
        if (target == null) {
            return;
        }
        try {
            if (target.ref().stop(STOP_TIMEOUT)) {
                System.out.println("Stopped " + describe(target));
            } else {
                System.out.println(describe(target) + " had already stopped");
            }
        } catch (ActorTimeoutException e) {
            System.err.println(describe(target) + " has not stopped within " + seconds(STOP_TIMEOUT)
                    + "; it will once it finishes what it is doing");
        }
    }

    private void ask(ActorListing target, String text, Duration timeout) {
        if (target == null) {
            return;
        }
        try {
            Object answer = target.ref().ask(text).get(timeout);
            System.out.println(String.valueOf(answer));
        } catch (ActorTimeoutException e) {
            System.err.println(describe(target) + " did not answer within " + seconds(timeout));
        } catch (ActorDeadException e) {
            notAlive(target);
        } catch (ActorException e) {
            // A checked exception from the actor, wrapped: show the actor's own exception.
            System.err.println(describe(target) + " failed to answer: " + e.getCause());
        } catch (RuntimeException e) {
            // The actor threw while handling the message; it keeps running, and the user gets its words.
            System.err.println(describe(target) + " failed to answer: " + e);
        }
    }

    /** The actor, or {@code null} after printing why there is none. */
    private ActorListing find(String actor) {
        Lookup lookup = directory.find(actor);
        if (lookup instanceof Lookup.Found found) {
            return found.actor();
        }
        System.err.println(((Lookup.Missing) lookup).reason());
        return null;
    }

    private static void notAlive(ActorListing target) {
        System.err.println(describe(target) + " is not alive (it has stopped or is stopping)");
    }

    private static String describe(ActorListing target) {
        return target.label() + " (" + target.ref().urn() + ")";
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /**
     * Parses a shell timeout: seconds ({@code 2}, {@code 0.5}), a number with {@code ms}, {@code s}
     * or {@code m}, or an ISO-8601 duration ({@code PT2S}).
     *
     * @throws IllegalArgumentException with a sentence for the user if it is none of these, or not
     *     positive
     */
    static Duration parseTimeout(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        try {
            if (value.startsWith("pt")) {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } else if (value.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            } else if (value.endsWith("m")) {
                duration = Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            } else {
                String seconds = value.endsWith("s") ? value.substring(0, value.length() - 1) : value;
                duration = Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a timeout: give seconds (5, 0.5), "
                    + "500ms, 2s, 1m or PT2S, and quote a message with spaces: jykka:ask greeter 'hello there'");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive, got '" + text + "'");
        }
        return duration;
    }
}
