package org.jykka.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The launcher's command line.
 *
 * @param framework {@code felix} or {@code equinox}: the name of the {@code lib/} folder to boot
 * @param deploy jars (or example names) to copy into {@code deploy/} before starting
 * @param shell whether to open the interactive Gogo console
 * @param script a file of Gogo commands to run once {@code deploy/} is deployed, then stop; or
 *     {@code null}
 * @param runFor how long to run before stopping; or {@code null} for as long as it takes
 * @param verbose debug logging and full stack traces
 * @param help print the usage and exit
 * @param version print the version and exit
 */
record LaunchOptions(String framework, List<String> deploy, boolean shell, Path script, Duration runFor,
        boolean verbose, boolean help, boolean version) {

    static final List<String> FRAMEWORKS = List.of("felix", "equinox");

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: jykka [options]",
            "       jykka client [-c <command>]   (jykka client --help)",
            "",
            "Starts Jykka's OSGi container for plugin actors. It boots the framework, starts every",
            "bundle in bundle/, deploys the plugin jars in deploy/ and keeps watching that folder:",
            "copy a jar in and its actors start; replace it and they restart with the new code;",
            "delete it and they stop. It prints every bundle and actor it starts and stops.",
            "",
            "Options:",
            "  --framework felix|equinox  the OSGi framework to boot (default: felix)",
            "  --deploy <jar|example>     copy a plugin jar into deploy/ before starting; a bare name",
            "                             such as 'greeter' means examples/greeter.jar (repeatable)",
            "  --no-shell                 no interactive Gogo console: for services and scripts;",
            "                             stop it with Ctrl-C or SIGTERM",
            "  --script <file>            run the Gogo commands in <file> once deploy/ is deployed,",
            "                             then stop (implies --no-shell); the first command that",
            "                             fails stops the script, and the exit status is then 1",
            "  --run-for <seconds>        stop after this many seconds (for demos and tests), even",
            "                             if the console's input ends earlier",
            "  --verbose                  log debug messages and full stack traces",
            "  --version                  print the version and exit",
            "  -h, --help                 print this help and exit",
            "",
            "Shell commands (scope jykka):",
            "  jykka:actors                                 list actors: name, class, bundle, alive,",
            "                                               inbox size, URN",
            "  jykka:actor <urn|name>                       one actor in detail, with its services",
            "  jykka:tell <urn|name> <text...>              send the words as one string message",
            "  jykka:ask <urn|name> <text> [timeout]        send it and print the answer (default 5 s;",
            "                                               timeout as 2, 0.5, 500ms, 2s or PT2S)",
            "  jykka:stopactor <urn|name>                   stop an actor",
            "  stop 0                                       stop the container",
            "'help jykka:ask' describes a command and its arguments. Ctrl-C cancels a command that",
            "runs (such as an ask waiting for its answer); at the prompt, it stops the container.",
            "Quote an ask's text if it has spaces: jykka:ask greeter 'hello there'.",
            "",
            "Settings: conf/framework.properties (a -Dkey=value in JAVA_OPTS overrides a key there).",
            "The running container's shell is reachable from another terminal: 'jykka client' (over",
            "SSH on 127.0.0.1, with the password the first boot saved in data/remote/password).",
            "",
            "Exit status: 0 after a clean stop (Ctrl-C, SIGTERM, 'stop 0', the end of --script or",
            "--run-for), 1 if the framework failed or a command of --script failed, 2 for a bad",
            "command line, 3 if a container is already running in this folder.",
            "");

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException with a sentence for the user, naming the bad argument
     */
    static LaunchOptions parse(String... args) {
        String framework = "felix";
        List<String> deploy = new ArrayList<>();
        boolean shell = true;
        Path script = null;
        Duration runFor = null;
        boolean verbose = false;
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--framework":
                    framework = value(args, ++i, arg).toLowerCase(Locale.ROOT);
                    if (!FRAMEWORKS.contains(framework)) {
                        throw new IllegalArgumentException("--framework must be felix or equinox, not '"
                                + args[i] + "'");
                    }
                    break;
                case "--deploy":
                    deploy.add(value(args, ++i, arg));
                    break;
                case "--no-shell":
                    shell = false;
                    break;
                case "--script":
                    script = Path.of(value(args, ++i, arg)).toAbsolutePath().normalize();
                    if (!Files.isRegularFile(script)) {
                        throw new IllegalArgumentException("--script " + args[i] + ": there is no such file");
                    }
                    shell = false;
                    break;
                case "--run-for":
                    runFor = seconds(value(args, ++i, arg));
                    break;
                case "--verbose":
                    verbose = true;
                    break;
                case "--version":
                    version = true;
                    break;
                case "-h":
                case "--help":
                    help = true;
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option '" + arg + "'");
            }
        }
        return new LaunchOptions(framework, List.copyOf(deploy), shell, script, runFor, verbose, help, version);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static Duration seconds(String text) {
        try {
            Duration duration = Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("--run-for needs a positive number of seconds, not '"
                        + text + "'");
            }
            return duration;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--run-for needs a number of seconds, not '" + text + "'");
        }
    }
}
