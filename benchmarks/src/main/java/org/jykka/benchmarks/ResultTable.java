package org.jykka.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The table BenchmarkMain prints: each contender's score per case, and the ratios the goals are
 * stated in, against the better of the two Pekko configurations each time.
 */
final class ResultTable {
    private static final Contender[] COLUMNS = Contender.values();
    private static final double[] SAMPLED = {-1, 50, 99}; // mean, p50, p99

    private final boolean smoke;
    private final List<Contender> contenders;
    private final Map<String, RunResult> results;
    private final Map<Contender, IdleMemory.Measurement> idle;
    private final Map<Contender, IdleCpu.Measurement> idleCpu;
    private final String millionCheck;
    private final StringBuilder out = new StringBuilder();

    ResultTable(boolean smoke, List<Contender> contenders, Map<String, RunResult> results,
            Map<Contender, IdleMemory.Measurement> idle, Map<Contender, IdleCpu.Measurement> idleCpu, String millionCheck) {
        this.smoke = smoke;
        this.contenders = contenders;
        this.results = results;
        this.idle = idle;
        this.idleCpu = idleCpu;
        this.millionCheck = millionCheck;
    }

    String render() {
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

        row("1. tell, one sender to one actor", "msg/s", "TellBenchmark.tell", false,
                againstPekko("TellBenchmark.tell", false, 1.5) + "; " + ratioGoal("threading/juc",
                        score("TellBenchmark.tell", Contender.THREADING), score("TellBenchmark.tell", Contender.JUC), 0.5, false));
        sampledRow("2. ask round trip from a plain thread, mean / p50 / p99", "AskBenchmark.ask", sampledAgainstPekko("AskBenchmark.ask", 0.8)
                + "; " + ratioGoal("threading/juc mean", score("AskBenchmark.ask", Contender.THREADING), score("AskBenchmark.ask", Contender.JUC), 1.5, true));
        sampledRow("2b. plain thread → actor → ask of another actor, mean / p50 / p99", "ActorAskBenchmark.askFromActor", actorToActor());
        row("3. ping-pong, 1 message in flight", "round trips/s", "PingPongBenchmark.pingPong", false,
                againstPekko("PingPongBenchmark.pingPong", false, 1.5));
        callRows();
        double startStop = score("StartStopBenchmark.startAndStop", Contender.VIRTUAL);
        row("5. start + stop of an actor, 1,000 at once", "actors/s", "StartStopBenchmark.startAndStop", false,
                againstPekko("StartStopBenchmark.startAndStop", false, 1.0) + "; virtual: "
                        + (Double.isNaN(startStop) ? "n/a" : String.format(Locale.ROOT, "%.2f µs per actor (goal < 5 µs: %s)",
                        1e6 / startStop, 1e6 / startStop < 5 ? "met" : "MISSED")));
        double serial = score("StartStopBenchmark.startStopOne", Contender.VIRTUAL);
        sampledRow("5b. start + stop of one actor, waited for, mean / p50 / p99", "StartStopBenchmark.startStopOne",
                sampledAgainstPekko("StartStopBenchmark.startStopOne", 0.5) + "; virtual mean "
                        + (Double.isNaN(serial) ? "n/a" : String.format(Locale.ROOT, "%.1f µs (goal < 10 µs: %s)", serial, serial < 10 ? "met" : "MISSED")));
        row("6. " + (smoke ? "100" : "10,000") + " actors, 2 senders", "msg/s", "FanOutBenchmark.fanOut", false,
                againstPekko("FanOutBenchmark.fanOut", false, 1.5));
        memoryRow();
        idleCpuRow();
        out.append('\n');
        for (Contender c : COLUMNS) {
            out.append("- ").append(c.id).append(": ").append(c.description)
                    .append(contenders.contains(c) ? "" : " (skipped: needs Java 21+)").append('\n');
        }
        out.append("- 1,000,000 idle VirtualThreadActors in -Xmx1g: ").append(millionCheck).append('\n');
        return out.toString();
    }

    private void row(String label, String unit, String benchmark, boolean micros, String goals) {
        StringJoiner row = new StringJoiner(" | ", "| ", " |");
        row.add(label).add(unit);
        for (Contender c : COLUMNS) {
            double value = score(benchmark, c);
            row.add(Double.isNaN(value) ? "n/a" : micros ? String.format(Locale.ROOT, "%.2f", value) : rate(value));
        }
        row.add(goals);
        out.append(row).append('\n');
    }

    private void sampledRow(String label, String benchmark, String goals) {
        StringJoiner row = new StringJoiner(" | ", "| ", " |");
        row.add(label).add("µs");
        for (Contender c : COLUMNS) {
            RunResult result = results.get(benchmark + "/" + c.id);
            if (result == null) {
                row.add("n/a");
                continue;
            }
            StringJoiner figures = new StringJoiner(" / ");
            for (double percentile : SAMPLED) {
                figures.add(String.format(Locale.ROOT, "%.1f", sampled(result, percentile)));
            }
            row.add(figures.toString());
        }
        row.add(goals);
        out.append(row).append('\n');
    }

    /** The mean ({@code percentile} < 0) or a percentile of a sampled result. */
    private static double sampled(RunResult result, double percentile) {
        Result<?> primary = result.getPrimaryResult();
        return percentile < 0 ? primary.getScore() : primary.getStatistics().getPercentile(percentile);
    }

    /** virtual / the better Pekko for the mean, p50 and p99, each against {@code goal} (at most). */
    private String sampledAgainstPekko(String benchmark, double goal) {
        StringJoiner ratios = new StringJoiner(", ", "virtual/best pekko mean, p50, p99 = ", "");
        boolean met = true;
        for (double percentile : SAMPLED) {
            double virtual = sampledScore(benchmark, Contender.VIRTUAL, percentile);
            double pekko = Math.min(sampledScore(benchmark, Contender.PEKKO, percentile), sampledScore(benchmark, Contender.PEKKO_VIRTUAL, percentile));
            double ratio = virtual / pekko; // NaN if either is missing
            met &= ratio <= goal;
            ratios.add(Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio));
        }
        return ratios + String.format(Locale.ROOT, " (goal ≤ %.1f: %s)", goal, met ? "met" : "MISSED");
    }

    private double sampledScore(String benchmark, Contender contender, double percentile) {
        RunResult result = results.get(benchmark + "/" + contender.id);
        return result == null ? Double.NaN : sampled(result, percentile);
    }

    /** The actor-to-actor part of case 2b: the chain's mean minus the plain ask's, per Jykka runtime. */
    private String actorToActor() {
        StringJoiner parts = new StringJoiner("; ", "the actor-to-actor part (chain mean − plain ask mean): ", "");
        for (Contender c : List.of(Contender.THREADING, Contender.VIRTUAL)) {
            double part = score("ActorAskBenchmark.askFromActor", c) - score("AskBenchmark.ask", c);
            parts.add(c.id + " " + (Double.isNaN(part) ? "n/a" : String.format(Locale.ROOT, "%.1f µs", part)));
        }
        return parts.toString();
    }

    private void callRows() {
        for (String kind : List.of("ask", "call", "proxy")) {
            StringJoiner goals = new StringJoiner("; ");
            if (!kind.equals("ask")) {
                for (Contender c : List.of(Contender.THREADING, Contender.VIRTUAL)) {
                    double ratio = score("CallBenchmark." + kind, c) / score("CallBenchmark.ask", c);
                    goals.add(kind.equals("proxy") ? ratioGoal(c.id + " proxy/ask", score("CallBenchmark.proxy", c), score("CallBenchmark.ask", c), 1.2, true)
                            : c.id + " call/ask = " + (Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio)));
                }
            }
            row("4. " + (kind.equals("proxy") ? "typed proxy call" : kind.equals("call") ? "call(fn)" : "plain ask") + ", blocking",
                    "µs/op", "CallBenchmark." + kind, true, goals.toString());
        }
    }

    private void memoryRow() {
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

    private void idleCpuRow() {
        StringJoiner row = new StringJoiner(" | ", "| ", " |");
        int count = idleCpu.values().stream().mapToInt(IdleCpu.Measurement::count).findFirst().orElse(0);
        long window = idleCpu.values().stream().mapToLong(IdleCpu.Measurement::windowMillis).findFirst().orElse(0);
        row.add(String.format(Locale.ROOT, "8. CPU of a JVM with %,d idle actors, over %.1f s", count, window / 1000.0)).add("% of a core");
        for (Contender c : COLUMNS) {
            IdleCpu.Measurement m = idleCpu.get(c);
            row.add(m == null ? "n/a" : String.format(Locale.ROOT, "%.2f", m.percentOfOneCore()));
        }
        IdleCpu.Measurement virtual = idleCpu.get(Contender.VIRTUAL);
        row.add(virtual == null ? "virtual: n/a" : String.format(Locale.ROOT, "virtual: %d ms of CPU in %d ms (goal ~0 %%: %s)",
                virtual.cpuMillis(), virtual.windowMillis(), virtual.percentOfOneCore() < 1 ? "met" : "MISSED"));
        out.append(row).append('\n');
    }

    private static double lowest(IdleMemory.Measurement a, IdleMemory.Measurement b) {
        double x = a == null ? Double.NaN : a.bytesPerActor();
        double y = b == null ? Double.NaN : b.bytesPerActor();
        return Double.isNaN(x) ? y : Double.isNaN(y) ? x : Math.min(x, y);
    }

    /** VirtualThreadActor against the better of the two Pekko configurations. */
    private String againstPekko(String benchmark, boolean lowerIsBetter, double goal) {
        double pekko = score(benchmark, Contender.PEKKO);
        double pekkoVirtual = score(benchmark, Contender.PEKKO_VIRTUAL);
        double best = Double.isNaN(pekkoVirtual) ? pekko
                : lowerIsBetter ? Math.min(pekko, pekkoVirtual) : Math.max(pekko, pekkoVirtual);
        return ratioGoal("virtual/best pekko", score(benchmark, Contender.VIRTUAL), best, goal, lowerIsBetter);
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
}
