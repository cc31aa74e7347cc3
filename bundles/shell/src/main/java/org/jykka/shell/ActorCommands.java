package org.jykka.shell;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.jykka.ActorDeadException;
import org.jykka.ActorException;
import org.jykka.ActorRef;
import org.jykka.ActorTimeoutException;
import org.jykka.DeadLetters;
import org.jykka.spi.ActorStatus;

/**
 * The {@code jykka} shell commands. Gogo calls the public methods by name; each prints what it did
 * to the session's {@code System.out} (Gogo redirects it per session). A mistake (an unknown actor,
 * a bad timeout, no answer in time) throws a {@link CommandFailedException} whose message is one
 * plain sentence: the console prints that line, and a script or a remote command fails with it.
 *
 * <p>The command that stops an actor is {@code stopactor}, not {@code stop}: Gogo resolves an
 * unqualified command by searching every scope, and a second {@code stop} would make
 * {@code stop 0} (stop the framework) ambiguous.
 */
public final class ActorCommands {

    static final String SCOPE = "jykka";

    /** Each command's usage line, printed when it is given the wrong number of arguments. */
    static final Map<String, String> USAGE = Map.of(
            "actors", "jykka:actors",
            "actor", "jykka:actor <urn|name>",
            "tell", "jykka:tell <urn|name> <text...>",
            "ask", "jykka:ask <urn|name> <text> [timeout]",
            "stopactor", "jykka:stopactor <urn|name>",
            "restart", "jykka:restart <urn|name>",
            "deadletters", "jykka:deadletters");
    static final String[] FUNCTIONS = {"actors", "actor", "tell", "ask", "stopactor", "restart", "deadletters"};

    /** How long {@code ask} waits when no timeout is given. */
    static final Duration DEFAULT_ASK_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long {@code stopactor} waits for the actor to finish its inbox and {@code onStop}, and
     * {@code restart} for its inbox, {@code onStop} and the fresh instance's {@code onStart}.
     */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private static final String ACTOR = "the actor's URN (urn:uuid:...), plugin name or class name";

    private final ActorDirectory directory;
    private final RecentDeadLetters deadLetters;

    ActorCommands(ActorDirectory directory, RecentDeadLetters deadLetters) {
        this.directory = directory;
        this.deadLetters = deadLetters;
    }

    @Descriptor("List every actor: name, class, bundle (with its version), state, restarts, inbox size, URN")
    public void actors() {
        List<ActorListing> actors = directory.list();
        if (actors.isEmpty()) {
            System.out.println(directory.whyNoActors());
            return;
        }
        TextTable table = new TextTable("NAME", "CLASS", "BUNDLE", "STATE", "RESTARTS", "INBOX", "URN");
        for (ActorListing actor : actors) {
            ActorRef<?> ref = actor.ref();
            table.add(actor.name() == null ? "-" : actor.name(), ref.actorClass().getName(), actor.bundle(),
                    actor.state(), actor.restarts(), Integer.toString(ref.inboxSize()), ref.urn());
        }
        System.out.print(table.render());
        System.out.println(actors.size() + (actors.size() == 1 ? " actor" : " actors"));
    }

    @Descriptor("Show one actor in detail, with the services it is published under")
    public void actor(@Descriptor(ACTOR) String actor) {
        ActorListing target = find(actor);
        ActorRef<?> ref = target.ref();
        List<String> services = directory.servicesOf(ref.urn());
        TextTable details = new TextTable("name:", target.name() == null ? "-" : target.name());
        details.add("class:", ref.actorClass().getName());
        details.add("urn:", ref.urn());
        details.add("bundle:", target.bundle());
        details.add("state:", target.state());
        details.add("restarts:", target.supervised() ? target.restarts()
                : "- (not supervised: started without a restart policy)");
        details.add("inbox:", Integer.toString(ref.inboxSize()));
        details.add("services:", services.isEmpty() ? "none (not published)" : String.join(", ", services));
        System.out.print(details.render());
    }

    /**
     * Sends the words, joined by spaces, as one string message, not waiting ({@code tell greeter
     * hello there} and {@code tell greeter 'hello there'} send the same).
     */
    @Descriptor("Send the words, joined by spaces, to an actor as one string message, without waiting")
    public void tell(@Descriptor(ACTOR) String actor,
            @Descriptor("the words of the message (quoting is optional)") String... words) {
        if (words.length == 0) {
            throw new CommandFailedException("Give a message to send. Usage: " + USAGE.get("tell"));
        }
        String text = String.join(" ", words);
        ActorListing target = find(actor);
        try {
            target.ref().tell(text);
            System.out.println("Told " + describe(target) + ": " + text);
        } catch (ActorDeadException e) {
            throw notAlive(target);
        }
    }

    @Descriptor("Send a string message to an actor and print its answer, waiting at most 5 seconds")
    public void ask(@Descriptor(ACTOR) String actor,
            @Descriptor("the message; quote it if it has spaces: 'hello there'") String text) {
        ask(find(actor), text, DEFAULT_ASK_TIMEOUT);
    }

    /**
     * As the two-argument form, with a timeout: seconds ({@code 2}, {@code 0.5}), or with a unit
     * ({@code 500ms}, {@code 2s}, {@code 1m}), or ISO-8601 ({@code PT2S}).
     */
    @Descriptor("Send a string message to an actor and print its answer, waiting at most the timeout")
    public void ask(@Descriptor(ACTOR) String actor,
            @Descriptor("the message; quote it if it has spaces: 'hello there'") String text,
            @Descriptor("how long to wait: seconds (2, 0.5), 500ms, 2s, 1m or PT2S") String timeout) {
        Duration wait;
        try {
            wait = parseTimeout(timeout);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage());
        }
        ask(find(actor), text, wait);
    }

    @Descriptor("Stop an actor after the messages already in its inbox, waiting at most 10 seconds")
    public void stopactor(@Descriptor(ACTOR) String actor) {
        ActorListing target = find(actor);
        try {
            if (target.ref().stop(STOP_TIMEOUT)) {
                System.out.println("Stopped " + describe(target));
            } else {
                System.out.println(describe(target) + " had already stopped");
            }
        } catch (ActorTimeoutException e) {
            throw new CommandFailedException(describe(target) + " has not stopped within " + seconds(STOP_TIMEOUT)
                    + "; it will once it finishes what it is doing");
        } catch (ActorException e) {
            throw interrupted(e, "stopactor " + actor);
        }
    }

    /**
     * Gives a supervised actor a fresh instance, after the messages already in its inbox, and waits
     * (at most {@link #STOP_TIMEOUT}) until the fresh instance has started. An actor started without a
     * restart policy cannot be restarted: that, an unknown actor, and one that is not alive are each a
     * {@link CommandFailedException}, as is a fresh instance that fails to start for good.
     */
    @Descriptor("Restart a supervised actor: a fresh instance takes over after the messages already in its inbox")
    public void restart(@Descriptor(ACTOR) String actor) {
        ActorListing target = find(actor);
        if (target.status() == null) {
            throw notAlive(target);
        }
        if (!target.supervised()) {
            throw new CommandFailedException(describe(target) + " is not supervised (it was started without a "
                    + "restart policy), so it cannot be restarted; jykka:stopactor stops it");
        }
        if (!ActorDirectory.restart(target.ref())) {
            throw notAlive(target); // it stopped since it was looked up
        }
        // The restart is queued like a message: an empty call behind it runs on the fresh instance,
        // after its onStart, so its answer says the restart is done.
        try {
            target.ref().call(instance -> null).get(STOP_TIMEOUT);
        } catch (ActorTimeoutException e) {
            throw new CommandFailedException(describe(target) + " has not restarted within " + seconds(STOP_TIMEOUT)
                    + "; it will once it finishes what it is doing");
        } catch (ActorDeadException e) {
            throw new CommandFailedException(describe(target) + " could not be restarted and has stopped "
                    + "(its log record says why)");
        } catch (ActorException e) {
            throw interrupted(e, "restart " + actor);
        }
        ActorStatus now = ActorDirectory.statusOf(target.ref());
        System.out.println("Restarted " + describe(target)
                + (now == null ? "" : " (restarts: " + now.restarts() + ")"));
    }

    @Descriptor("Show how many dead letters there were, and the last " + RecentDeadLetters.KEPT
            + ": when, why, to whom, what")
    public void deadletters() {
        long count = DeadLetters.count();
        List<RecentDeadLetters.Letter> recent = deadLetters.recent();
        if (count == 0 && recent.isEmpty()) {
            System.out.println("No dead letters: every message has reached a handler.");
            return;
        }
        String total = count + (count == 1 ? " dead letter" : " dead letters") + " since Jykka started";
        if (recent.isEmpty()) {
            System.out.println(total + "; none since the shell started.");
            return;
        }
        System.out.println(total + "; the last " + recent.size() + " (oldest first):");
        Map<String, String> labels = new HashMap<>();
        directory.list().forEach(listed -> labels.putIfAbsent(listed.ref().urn(), listed.label()));
        TextTable table = new TextTable("TIME", "REASON", "RECIPIENT", "URN", "MESSAGE");
        for (RecentDeadLetters.Letter letter : recent) {
            table.add(TIME.format(Instant.ofEpochMilli(letter.epochMillis())), letter.reason().name(),
                    labels.getOrDefault(letter.urn(), letter.recipientClass()), letter.urn(), letter.message());
        }
        System.out.print(table.render());
    }

    /**
     * What Gogo calls when no other method fits the arguments it was given (a missing or an extra
     * one): the command's usage line, instead of Gogo's "Cannot coerce" message. Gogo prefers every
     * method whose parameters fit, so this one only ever runs for a mistake.
     *
     * @param command the command's name, then the arguments it was given
     */
    public void _main(String... command) {
        String name = command.length == 0 ? "" : command[0].toLowerCase(Locale.ROOT);
        String usage = USAGE.get(name);
        throw new CommandFailedException(usage == null ? "jykka has no command '" + name + "'"
                : "Usage: " + usage + " (help " + SCOPE + ":" + name + " says more)");
    }

    private void ask(ActorListing target, String text, Duration timeout) {
        try {
            Object answer = target.ref().ask(text).get(timeout);
            System.out.println(String.valueOf(answer));
        } catch (ActorTimeoutException e) {
            throw new CommandFailedException(describe(target) + " did not answer within " + seconds(timeout));
        } catch (ActorDeadException e) {
            throw notAlive(target);
        } catch (ActorException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(e, "ask " + target.label());
            }
            // A checked exception from the actor, wrapped: show the actor's own exception.
            throw new CommandFailedException(describe(target) + " failed to answer: " + Text.of(e.getCause()));
        } catch (RuntimeException e) {
            // The actor threw while handling the message; it keeps running, and the user gets its words.
            throw new CommandFailedException(describe(target) + " failed to answer: " + Text.of(e));
        }
    }

    /** The actor; a {@link CommandFailedException} saying why there is none. */
    private ActorListing find(String actor) {
        Lookup lookup = directory.find(actor);
        if (lookup instanceof Lookup.Found found) {
            return found.actor();
        }
        throw new CommandFailedException(((Lookup.Missing) lookup).reason());
    }

    /**
     * The wait was interrupted: the user cancelled the command (Ctrl-C). The interrupt flag stays
     * set, for the console to see.
     */
    private static CommandFailedException interrupted(ActorException e, String what) {
        Thread.currentThread().interrupt();
        return new CommandFailedException("Cancelled: " + what);
    }

    private static CommandFailedException notAlive(ActorListing target) {
        return new CommandFailedException(describe(target) + " is not alive (it has stopped or is stopping)");
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
