package org.jykka.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a file of Gogo statements, one after another, and stops at the first that fails: that
 * failure is printed as one line naming the file and line ({@code commands.gogo line 2: Command not
 * found: jykka:actorz}), and the run's status is 1.
 */
final class ScriptRun {

    private final CommandRunner runner;
    private final Path script;

    ScriptRun(CommandRunner runner, Path script) {
        this.runner = runner;
        this.script = script;
    }

    /** Runs the script; 0 if every statement succeeded, 1 at the first failure. */
    int run() {
        List<String> lines;
        try {
            lines = Files.readAllLines(script, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            runner.error("jykka: the script " + script + " does not exist");
            return 1;
        } catch (IOException | RuntimeException e) {
            runner.error("jykka: cannot read the script " + script + ": " + e);
            return 1;
        }
        StringBuilder statement = new StringBuilder();
        int first = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (statement.length() == 0) {
                if (line.isBlank() || line.trim().startsWith("#")) {
                    continue;
                }
                first = i + 1;
            }
            statement.append(line).append('\n');
            CommandRunner.Outcome outcome = runner.run(statement, script.getFileName() + " line " + first + ": ");
            if (outcome == CommandRunner.Outcome.FAILED) {
                return 1;
            }
            if (outcome == CommandRunner.Outcome.DONE) {
                statement.setLength(0);
            }
        }
        if (statement.length() > 0) {
            runner.error("jykka: the script ends inside a statement begun at " + script.getFileName()
                    + " line " + first + " (an unclosed brace or quote)");
            return 1;
        }
        return 0;
    }
}
