package org.jykka.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every case for every contender this JVM can run, in one go, and prints one table: each
 * contender's score per case, and the ratios the goals of issue 5 are stated in.
 *
 * <p>{@code --profile quick} (what {@code benchmarks/run} uses): JMH forks 1, 1 warm-up and 3
 * measurement iterations of 1 s; the idle-memory harness in JVMs of its own, and the one-million
 * idle actors check in {@code -Xmx1g}. {@code --profile smoke} (what {@code mvn verify} uses): every
 * benchmark once, in this JVM, for a few milliseconds, and the memory harness on a few hundred actors,
 * so the benchmarks cannot rot; its numbers mean nothing.
 */
public final class BenchmarkMain {
    /** The JVM options every benchmark JVM gets: Pekko's virtual-thread dispatcher needs the opens. */
    static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx2g",
            "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED");

    private final boolean smoke;
    private final List<Contender> contenders = Contender.availableHereList();
    private final Map<String, RunResult> results = new HashMap<>();
    private final Map<Contender, IdleMemory.Measurement> idle = new HashMap<>();
    private String millionCheck = "not run";

    BenchmarkMain(boolean smoke) {
        this.smoke = smoke;
    }

    /**
     * The cases that have no result for a contender this JVM can run (after {@link #run()}): empty
     * when every benchmark ran. The typed-proxy call counts only when the proxy is on the class path.
     */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (Contender contender : contenders) {
            List<String> cases = new ArrayList<>(List.of("TellBenchmark.tell", "AskBenchmark.ask", "PingPongBenchmark.pingPong",
                    "StartStopBenchmark.startAndStop", "FanOutBenchmark.fanOut"));
            if (contender == Contender.THREADING || contender == Contender.VIRTUAL) {
                cases.addAll(List.of("CallBenchmark.ask", "CallBenchmark.call", "CallBenchmark.proxy"));
            }
            for (String name : cases) {
                if (!results.containsKey(name + "/" + contender.id)) {
                    missing.add(name + " for " + contender.id);
                }
            }
            if (!idle.containsKey(contender)) {
                missing.add("IdleMemory for " + contender.id);
            }
        }
        return missing;
    }

    public static void main(String[] args) throws Exception {
        String profile = args.length == 2 && args[0].equals("--profile") ? args[1] : "quick";
        if (!profile.equals("quick") && !profile.equals("smoke")) {
            System.err.println("usage: BenchmarkMain [--profile quick|smoke]");
            System.exit(2);
        }
        String table = new BenchmarkMain(profile.equals("smoke")).run();
        System.out.println(table);
        Path out = Path.of("target", "benchmarks-" + profile + ".md");
        if (Files.isDirectory(out.getParent())) {
            Files.writeString(out, table);
            System.out.println("(table saved in " + out.toAbsolutePath() + ")");
        }
    }

    /** Runs everything and returns the table. */
    String run() throws Exception {
        for (Contender skipped : Contender.values()) {
            if (!skipped.availableHere()) {
                System.out.println("NOTE: skipping " + skipped.id + " (" + skipped.description + "): it needs Java 21+,"
                        + " this is Java " + Runtime.version().feature() + ". Run benchmarks/run, which picks a Java 21+ JDK.");
            }
        }
        String all = ids(contenders);
        ChainedOptionsBuilder cases = options().include("org\\.jykka\\.benchmarks\\.(Tell|Ask|PingPong|StartStop|FanOut)Benchmark\\.")
                .param("contender", all.split(","));
        if (smoke) {
            cases.param("actors", "100"); // 10,000 platform threads are not a smoke test
        }
        runJmh(cases);
        List<Contender> jykka = contenders.stream()
                .filter(c -> c == Contender.THREADING || c == Contender.VIRTUAL).collect(Collectors.toList());
        ChainedOptionsBuilder calls = options().include("org\\.jykka\\.benchmarks\\.CallBenchmark\\.")
                .param("contender", ids(jykka).split(","));
        runJmh(calls);
        measureIdleMemory();
        return table();
    }

    private ChainedOptionsBuilder options() {
        // The smoke test must fail on any error; a long run had better finish and show n/a for the one that failed.
        ChainedOptionsBuilder options = new OptionsBuilder().shouldFailOnError(smoke);
        if (smoke) {
            return options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(10));
        }
        return options.forks(1).jvmArgsAppend(JVM_OPTIONS.toArray(String[]::new))
                .warmupIterations(1).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1));
    }

    private void runJmh(ChainedOptionsBuilder options) throws Exception {
        Collection<RunResult> run = new Runner(options.build()).run();
        for (RunResult result : run) {
            String benchmark = result.getParams().getBenchmark();
            String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            results.put(name + "/" + result.getParams().getParam("contender"), result);
        }
    }

    private void measureIdleMemory() throws Exception {
        for (Contender contender : contenders) {
            boolean platformThreads = contender == Contender.THREADING || contender == Contender.JUC;
            int count = smoke ? 200 : platformThreads ? 10_000 : 100_000;
            idle.put(contender, smoke ? IdleMemory.measure(contender, count) : inOwnJvm(contender, count, "-Xmx2g"));
        }
        if (contenders.contains(Contender.VIRTUAL)) {
            if (smoke) {
                millionCheck = "not run (smoke profile)";
            } else {
                try {
                    IdleMemory.Measurement million = inOwnJvm(Contender.VIRTUAL, 1_000_000, "-Xmx1g");
                    millionCheck = "met: 1,000,000 idle VirtualThreadActors took a message each and sit idle in -Xmx1g, "
                            + million.bytesPerActor() + " B each, " + million.liveThreads() + " live platform threads";
                } catch (IllegalStateException failed) {
                    millionCheck = "MISSED: " + failed.getMessage();
                }
            }
        }
    }

    private static IdleMemory.Measurement inOwnJvm(Contender contender, int count, String heap) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add(heap);
        command.add("-XX:+UseSerialGC");
        command.addAll(JVM_OPTIONS.subList(2, JVM_OPTIONS.size()));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(IdleMemory.class.getName());
        command.add(contender.id);
        command.add(Integer.toString(count));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                output.add(line);
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("IdleMemory " + contender.id + " " + count + " " + heap + " failed: "
                    + output.stream().filter(l -> l.contains("Error") || l.contains("Exception")).findFirst().orElse(String.join(" | ", output)));
        }
        String[] fields = output.stream().filter(l -> l.startsWith("IDLE ")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("IdleMemory printed no result: " + output)).split(" ");
        return new IdleMemory.Measurement(contender, count, Long.parseLong(fields[3]), Integer.parseInt(fields[4]));
    }

    // ---- the table ----

    private static final Contender[] COLUMNS = Contender.values();

    private String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Jykka benchmarks (%s profile), Java %s, %d cores%n%n", smoke ? "smoke" : "quick",
                Runtime.version(), Runtime.getRuntime().availableProcessors()));
        StringJoiner header = new StringJoiner(" | ", "| ", " |");
        header.add("case").add("unit");
        for (Contender c : COLUMNS) {
            header.add(c.id);
        }
        header.add("ratios vs the goals");
        out.append(header).append('\n');
        out.append("|---|---|").append("---:|".repeat(COLUMNS.length)).append("---|\n");

        row(out, "1. tell, one sender to one actor", "msg/s", "TellBenchmark.tell", false,
                fasterThanPekko("TellBenchmark.tell", false) + "; " + ratioGoal("threading/juc", score("TellBenchmark.tell", Contender.THREADING), score("TellBenchmark.tell", Contender.JUC), 0.5, false));
        askRow(out);
        row(out, "3. ping-pong, 1 message in flight", "round trips/s", "PingPongBenchmark.pingPong", false,
                fasterThanPekko("PingPongBenchmark.pingPong", false));
        callRows(out);
        double startStop = score("StartStopBenchmark.startAndStop", Contender.VIRTUAL);
        row(out, "5. start + stop of an actor", "actors/s", "StartStopBenchmark.startAndStop", false,
                fasterThanPekko("StartStopBenchmark.startAndStop", false) + "; virtual: "
                        + (Double.isNaN(startStop) ? "n/a" : String.format(Locale.ROOT, "%.2f µs per actor (goal < 5 µs: %s)",
                        1e6 / startStop, 1e6 / startStop < 5 ? "met" : "MISSED")));
        row(out, "6. " + (smoke ? "100" : "10,000") + " actors, 2 senders", "msg/s", "FanOutBenchmark.fanOut", false,
                fasterThanPekko("FanOutBenchmark.fanOut", false));
        memoryRow(out);
        out.append('\n');
        for (Contender c : COLUMNS) {
            out.append("- ").append(c.id).append(": ").append(c.description)
                    .append(contenders.contains(c) ? "" : " (skipped: needs Java 21+)").append('\n');
        }
        out.append("- 1,000,000 idle VirtualThreadActors in -Xmx1g: ").append(millionCheck).append('\n');
        return out.toString();
    }

    private void row(StringBuilder out, String label, String unit, String benchmark, boolean micros, String goals) {
        StringJoiner row = new StringJoiner(" | ", "| ", " |");
        row.add(label).add(unit);
        for (Contender c : COLUMNS) {
            double value = score(benchmark, c);
            row.add(Double.isNaN(value) ? "n/a" : micros ? String.format(Locale.ROOT, "%.2f", value) : rate(value));
        }
        row.add(goals);
        out.append(row).append('\n');
    }

    private void askRow(StringBuilder out) {
        StringJoiner row = new StringJoiner(" | ", "| ", " |");
        row.add("2. ask round trip, mean / p50 / p99").add("µs");
        for (Contender c : COLUMNS) {
            RunResult result = results.get("AskBenchmark.ask/" + c.id);
            row.add(result == null ? "n/a" : String.format(Locale.ROOT, "%.1f / %.1f / %.1f", result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getStatistics().getPercentile(50), result.getPrimaryResult().getStatistics().getPercentile(99)));
        }
        row.add(fasterThanPekko("AskBenchmark.ask", true) + "; " + ratioGoal("threading/juc", score("AskBenchmark.ask", Contender.THREADING),
                score("AskBenchmark.ask", Contender.JUC), 1.5, true));
        out.append(row).append('\n');
    }

    private void callRows(StringBuilder out) {
        for (String kind : List.of("ask", "call", "proxy")) {
            StringJoiner goals = new StringJoiner("; ");
            if (!kind.equals("ask")) {
                for (Contender c : List.of(Contender.THREADING, Contender.VIRTUAL)) {
                    double ratio = score("CallBenchmark." + kind, c) / score("CallBenchmark.ask", c);
                    goals.add(kind.equals("proxy") ? ratioGoal(c.id + " proxy/ask", score("CallBenchmark.proxy", c), score("CallBenchmark.ask", c), 1.2, true)
                            : c.id + " call/ask = " + (Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio)));
                }
            }
            row(out, "4. " + (kind.equals("proxy") ? "typed proxy call" : kind.equals("call") ? "call(fn)" : "plain ask") + ", blocking",
                    "µs/op", "CallBenchmark." + kind, true, goals.toString());
        }
    }

    private void memoryRow(StringBuilder out) {
        StringJoiner row = new StringJoiner(" | ", "| ", " |");
        row.add("7. heap per idle actor (actors; live threads)").add("bytes");
        for (Contender c : COLUMNS) {
            IdleMemory.Measurement m = idle.get(c);
            row.add(m == null ? "n/a" : String.format(Locale.ROOT, "%d (%,d; %d)", m.bytesPerActor(), m.count(), m.liveThreads()));
        }
        IdleMemory.Measurement virtual = idle.get(Contender.VIRTUAL);
        double pekko = lowest(idle.get(Contender.PEKKO), idle.get(Contender.PEKKO_VIRTUAL));
        row.add(virtual == null ? "virtual: n/a" : ratioGoal("virtual/pekko", virtual.bytesPerActor(), pekko, 1.0, true));
        out.append(row).append('\n');
    }

    private static double lowest(IdleMemory.Measurement a, IdleMemory.Measurement b) {
        double x = a == null ? Double.NaN : a.bytesPerActor();
        double y = b == null ? Double.NaN : b.bytesPerActor();
        return Double.isNaN(x) ? y : Double.isNaN(y) ? x : Math.min(x, y);
    }

    /** VirtualThreadActor against the better of the two Pekko configurations, goal ratio 1.0. */
    private String fasterThanPekko(String benchmark, boolean lowerIsBetter) {
        double pekko = score(benchmark, Contender.PEKKO);
        double pekkoVirtual = score(benchmark, Contender.PEKKO_VIRTUAL);
        double best = Double.isNaN(pekkoVirtual) ? pekko
                : lowerIsBetter ? Math.min(pekko, pekkoVirtual) : Math.max(pekko, pekkoVirtual);
        return ratioGoal("virtual/best pekko", score(benchmark, Contender.VIRTUAL), best, 1.0, lowerIsBetter);
    }

    private static String ratioGoal(String name, double value, double reference, double goal, boolean atMost) {
        if (Double.isNaN(value) || Double.isNaN(reference)) {
            return name + " = n/a";
        }
        double ratio = value / reference;
        boolean met = atMost ? ratio <= goal : ratio >= goal;
        return String.format(Locale.ROOT, "%s = %.2f (goal %s %.1f: %s)", name, ratio, atMost ? "≤" : "≥", goal, met ? "met" : "MISSED");
    }

    private double score(String benchmark, Contender contender) {
        RunResult result = results.get(benchmark + "/" + contender.id);
        if (result == null) {
            return Double.NaN;
        }
        double score = result.getPrimaryResult().getScore();
        if (benchmark.equals("FanOutBenchmark.fanOut")) {
            score *= FanOutBenchmark.messagesPerInvocation(Integer.parseInt(result.getParams().getParam("actors")));
        }
        return score;
    }

    private static String rate(double perSecond) {
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
        }
        return perSecond >= 1e3 ? String.format(Locale.ROOT, "%.1f k", perSecond / 1e3) : String.format(Locale.ROOT, "%.0f", perSecond);
    }

    private static String ids(List<Contender> list) {
        return list.stream().map(c -> c.id).collect(Collectors.joining(","));
    }
}
