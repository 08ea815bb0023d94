package org.hotline12345.telephony.report;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Random;

import org.hotline12345.telephony.AgentState;
import org.hotline12345.telephony.callback.CallbackTimeliness;
import org.hotline12345.telephony.report.CallCentreCalculator.CallRow;
import org.hotline12345.telephony.report.CallCentreCalculator.Settings;
import org.hotline12345.telephony.report.CallCentreCalculator.StateRow;
import org.hotline12345.workorder.ServiceRating;

/**
 * The largest report a supervisor can ask for, a month of hourly intervals (744), of a big city's call centre: how
 * long {@link CallCentreCalculator} takes over its rows (wall and CPU time: the machine is shared) and how much memory
 * it
 * holds at the most. Rows are made up in memory (the
 * reading from PostgreSQL is not measured): {@value #CALLS_PER_DAY} queue calls a day in two queues, {@value #AGENTS}
 * agents working 8-hour shifts with a line in the state log per ring, answer, wrap-up, and a pause every hour. Not a
 * test: run it with the command in docs/performance.md.
 */
public final class CallCentreCalculatorBenchmark {

    private static final int DAYS = 31;
    private static final int CALLS_PER_DAY = 20_000;
    private static final int AGENTS = 200;
    private static final int RUNS = 5;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FIRST = LocalDate.of(2026, 11, 1);

    private CallCentreCalculatorBenchmark() {
    }

    public static void main(String[] args) {
        Instant start = FIRST.atStartOfDay(ZONE).toInstant();
        Instant end = FIRST.plusDays(DAYS).atStartOfDay(ZONE).toInstant();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Runtime runtime = Runtime.getRuntime();
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        long rows = 0;
        for (int run = 0; run < RUNS; run++) {
            System.gc();
            long before = runtime.totalMemory() - runtime.freeMemory();
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            CallCentreCalculator calculator = new CallCentreCalculator(new Settings(start, end, ZONE, 60,
                    Duration.ofSeconds(15), Duration.ofSeconds(5), end),
                    new CallbackTimeliness(Duration.ofMinutes(30), ZONE));
            Random random = new Random(12345);
            rows = feedStates(calculator, start, random);
            long wallStates = System.nanoTime() - wall;
            long cpuStates = threads.getCurrentThreadCpuTime() - cpu;
            // the most the calculator holds: every call's wrap-up, until its call row comes
            System.gc();
            long held = runtime.totalMemory() - runtime.freeMemory() - before;
            wall = System.nanoTime();
            cpu = threads.getCurrentThreadCpuTime();
            rows += feedCalls(calculator, start, random);
            CallCentreReport.Breakdown result = calculator.result();
            long tookWall = wallStates + System.nanoTime() - wall;
            long tookCpu = cpuStates + threads.getCurrentThreadCpuTime() - cpu;
            bestWall = Math.min(bestWall, tookWall);
            bestCpu = Math.min(bestCpu, tookCpu);
            if (result.total().calls().offered() == 0) {
                throw new IllegalStateException("nothing counted");
            }
            System.out.printf(Locale.ROOT, "run %d: %,d rows in %.0f ms (CPU %.0f ms, %,.0f rows per CPU second);"
                    + " offered %,d, intervals %d, agents %d; held after the state log %.0f MB%n", run + 1, rows,
                    tookWall / 1e6, tookCpu / 1e6, rows / (tookCpu / 1e9), result.total().calls().offered(),
                    result.intervals().size(), result.agents().size(), held / 1e6);
        }
        System.out.printf(Locale.ROOT, "best of %d: %,d rows in %.0f ms, CPU %.0f ms%n", RUNS, rows, bestWall / 1e6,
                bestCpu / 1e6);
    }

    /** The state log, each agent's lines in order; returns how many rows were fed. */
    private static long feedStates(CallCentreCalculator calculator, Instant start, Random random) {
        long rows = 0;
        for (int agent = 0; agent < AGENTS; agent++) {
            String name = "agent" + agent;
            for (int day = 0; day < DAYS; day++) {
                Instant shift = start.plus(Duration.ofDays(day)).plus(Duration.ofHours(8 + agent % 12));
                Instant at = shift;
                Instant off = shift.plus(Duration.ofHours(8));
                calculator.state(new StateRow(name, AgentState.READY, null, null, at));
                rows++;
                int call = 0;
                while (at.isBefore(off)) {
                    String callId = name + "-" + day + "-" + call++;
                    at = at.plusSeconds(30 + random.nextInt(120));
                    calculator.state(new StateRow(name, AgentState.RINGING, null, callId, at));
                    at = at.plusSeconds(5);
                    calculator.state(new StateRow(name, AgentState.ON_CALL, null, callId, at));
                    at = at.plusSeconds(60 + random.nextInt(300));
                    calculator.state(new StateRow(name, AgentState.WRAP_UP, null, callId, at));
                    at = at.plusSeconds(10);
                    calculator.state(new StateRow(name, AgentState.READY, null, null, at));
                    rows += 4;
                    if (call % 8 == 0) {
                        calculator.state(new StateRow(name, AgentState.PAUSED, "小休", null, at));
                        at = at.plusSeconds(300);
                        calculator.state(new StateRow(name, AgentState.READY, null, null, at));
                        rows += 2;
                    }
                }
                calculator.state(new StateRow(name, AgentState.LOGGED_OUT, null, null, off));
                rows++;
            }
        }
        return rows;
    }

    /** The queue calls, a fifth of them the desk's, one in twelve abandoned, a third rated. */
    private static long feedCalls(CallCentreCalculator calculator, Instant start, Random random) {
        long rows = 0;
        ServiceRating[] ratings = ServiceRating.values();
        for (int day = 0; day < DAYS; day++) {
            Instant midnight = start.plus(Duration.ofDays(day));
            for (int i = 0; i < CALLS_PER_DAY; i++) {
                Instant queued = midnight.plusSeconds(8 * 3600 + random.nextInt(12 * 3600));
                int wait = random.nextInt(40);
                String queue = i % 5 == 0 ? "business-desk" : "hotline";
                if (i % 12 == 0) {
                    calculator.call(new CallRow("q" + day + "-" + i, queue, queued, null, queued.plusSeconds(wait),
                            true, wait, null, null, null));
                } else {
                    Instant answered = queued.plusSeconds(wait);
                    int talk = 60 + random.nextInt(300);
                    calculator.call(new CallRow("agent" + i % AGENTS + "-" + day + "-" + i / AGENTS, queue, queued,
                            answered, answered.plusSeconds(talk), false, wait, talk, "agent" + i % AGENTS,
                            i % 3 == 0 ? ratings[random.nextInt(ratings.length)] : null));
                }
                rows++;
            }
        }
        return rows;
    }
}
