package org.jykka.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every case for every contender this JVM can run, in one go, and prints one table: each
 * contender's score per case, and the ratios Jykka's performance goals are stated in ({@link ResultTable}).
 *
 * <p>{@code --profile quick} (what {@code benchmarks/run} uses): JMH forks 1, 1 warm-up and 3
 * measurement iterations of 1 s; the idle-memory and idle-CPU harnesses in JVMs of their own, and the
 * one-million idle actors check in {@code -Xmx1g}. {@code --profile smoke} (what {@code mvn verify}
 * uses): every benchmark once, in this JVM, for a few milliseconds, and the memory and CPU harnesses on
 * a few hundred actors, so the benchmarks cannot rot; its numbers mean nothing.
 */
public final class BenchmarkMain {
    /** The JVM options every benchmark JVM gets: Pekko's virtual-thread dispatcher needs the opens. */
    static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx2g",
            "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED");

    private final boolean smoke;
    private final List<Contender> contenders = Contender.availableHereList();
    private final Map<String, RunResult> results = new HashMap<>();
    private final Map<Contender, IdleMemory.Measurement> idle = new HashMap<>();
    private final Map<Contender, IdleCpu.Measurement> idleCpu = new HashMap<>();
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
                    "StartStopBenchmark.startAndStop", "StartStopBenchmark.startStopOne", "FanOutBenchmark.fanOut"));
            if (contender == Contender.THREADING || contender == Contender.VIRTUAL) {
                cases.addAll(List.of("CallBenchmark.ask", "CallBenchmark.call", "CallBenchmark.proxy", "ActorAskBenchmark.askFromActor"));
            }
            for (String name : cases) {
                if (!results.containsKey(name + "/" + contender.id)) {
                    missing.add(name + " for " + contender.id);
                }
            }
            if (!idle.containsKey(contender)) {
                missing.add("IdleMemory for " + contender.id);
            }
            if (!idleCpu.containsKey(contender)) {
                missing.add("IdleCpu for " + contender.id);
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
        ChainedOptionsBuilder calls = options().include("org\\.jykka\\.benchmarks\\.(Call|ActorAsk)Benchmark\\.")
                .param("contender", ids(jykka).split(","));
        runJmh(calls);
        measureIdleMemory();
        measureIdleCpu();
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

    /** The idle CPU of 10,000 actors (200 and a short window in the smoke profile), each contender in a JVM of its own. */
    private void measureIdleCpu() throws Exception {
        for (Contender contender : contenders) {
            if (smoke) {
                idleCpu.put(contender, IdleCpu.measure(contender, 200, Duration.ZERO, Duration.ofMillis(20)));
            } else {
                String[] fields = runOwnJvm(IdleCpu.class, "IDLECPU ", "-Xmx2g", contender.id, "10000", "1000", "5000");
                idleCpu.put(contender, new IdleCpu.Measurement(contender, 10_000, Long.parseLong(fields[3]), Long.parseLong(fields[4])));
            }
        }
    }

    private static IdleMemory.Measurement inOwnJvm(Contender contender, int count, String heap) throws Exception {
        String[] fields = runOwnJvm(IdleMemory.class, "IDLE ", heap, contender.id, Integer.toString(count));
        return new IdleMemory.Measurement(contender, count, Long.parseLong(fields[3]), Integer.parseInt(fields[4]));
    }

    /** Runs {@code main} in a JVM of its own and returns the fields of the last line it printed that starts with {@code prefix}. */
    private static String[] runOwnJvm(Class<?> main, String prefix, String heap, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add(heap);
        command.add("-XX:+UseSerialGC");
        command.addAll(JVM_OPTIONS.subList(2, JVM_OPTIONS.size()));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                output.add(line);
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(main.getSimpleName() + " " + String.join(" ", args) + " " + heap + " failed: "
                    + output.stream().filter(l -> l.contains("Error") || l.contains("Exception")).findFirst().orElse(String.join(" | ", output)));
        }
        return output.stream().filter(l -> l.startsWith(prefix)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException(main.getSimpleName() + " printed no result: " + output)).split(" ");
    }

    private String table() {
        return new ResultTable(smoke, contenders, results, idle, idleCpu, millionCheck).render();
    }

    private static String ids(List<Contender> list) {
        return list.stream().map(c -> c.id).collect(Collectors.joining(","));
    }
}
