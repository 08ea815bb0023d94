package org.hotline12345.telephony;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.hotline12345.database.EmbeddedDatabase;
import org.hotline12345.support.BenchClients;
import org.hotline12345.support.Latencies;
import org.hotline12345.support.Ports;
import org.hotline12345.support.ServiceProcess;
import org.hotline12345.telephony.pbx.AsteriskBundle;
import org.hotline12345.telephony.pbx.RealAsterisk;
import org.hotline12345.telephony.pbx.Sipp;

import io.vertx.core.Vertx;

/**
 * The screen pop on the real Asterisk 22: {@code bench.calls} citizens' calls (default 1,000), {@code bench.agents}
 * (default 100) at once, through the shipped IVR (a 1-second greeting, no key) into the hotline queue, answered by
 * that many SIPp desk phones (ring 0.5 s, talk {@code bench.talkSeconds}, default 3). Measures, for every pop, the
 * time from the ring as Asterisk reports it (AgentCalled's Timestamp, on a manager session of the benchmark's own) to
 * the pop's frame arriving on the agent's WebSocket; the calls per second the whole run sustained; and the CPU time
 * the service and Asterisk spent per call (from /proc). Not a test: run it with the command in docs/performance.md,
 * after {@code package}, where the bundle runs ({@link AsteriskBundle#runnable()}).
 */
public final class RealPbxScreenPopBenchmark {

    private static final String LOG = "benchmark-real-pbx-service.log";
    /** The first wave of callers, reaching a service just started; reported apart from the steady state. */
    private static final long WARM_UP_MILLIS = 10_000;
    private static final String PASSWORD = "bench-agent-12345";
    private static final Pattern CALL_ID = Pattern.compile("\"callId\":\"([^\"]+)\"");

    private final Map<String, Long> rings = new ConcurrentHashMap<>();
    private final Map<String, Long> pops = new ConcurrentHashMap<>();
    /** Every AMI event the service's manager user is sent, by kind: what the service has to read per call. */
    private final Map<String, Integer> eventCounts = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        if (!AsteriskBundle.runnable()) {
            System.out.println("The Asterisk bundle cannot run here; no figures.");
            return;
        }
        new RealPbxScreenPopBenchmark().run(Integer.getInteger("bench.agents", 100),
                Integer.getInteger("bench.calls", 1000), Integer.getInteger("bench.talkSeconds", 3));
    }

    private void run(int agents, int calls, int talkSeconds) throws Exception {
        int agiPort = Ports.free();
        int httpPort = Ports.free();
        String base = "http://localhost:" + httpPort;
        Vertx vertx = Vertx.vertx();
        try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral();
                RealAsterisk pbx = RealAsterisk.start(RealAsterisk.Options.of("bench-pbx", agiPort).agents(agents)
                        .greeting(Duration.ofSeconds(1)))) {
            Process service = ServiceProcess.start(database, httpPort, Map.of("HOTLINE_TELEPHONY_ENABLED", "true",
                    "HOTLINE_TELEPHONY_AMI_HOST", RealAsterisk.HOST, "HOTLINE_TELEPHONY_AMI_PORT",
                    String.valueOf(pbx.amiPort()), "HOTLINE_TELEPHONY_AMI_PASSWORD", RealAsterisk.AMI_SECRET,
                    "HOTLINE_TELEPHONY_AGI_BIND_ADDRESS", RealAsterisk.HOST, "HOTLINE_TELEPHONY_AGI_PORT",
                    String.valueOf(agiPort)), LOG);
            ManagerConnection ami = new ManagerConnectionFactory(RealAsterisk.HOST, pbx.amiPort(),
                    RealAsterisk.AMI_USER, RealAsterisk.AMI_SECRET).createManagerConnection();
            try {
                ServiceProcess.awaitReady(service, base, LOG);
                pbx.queueLogTo(database.jdbcUrl(), database.username(), "");
                List<String> extensions = new ArrayList<>();
                for (int a = 0; a < agents; a++) {
                    extensions.add(String.valueOf(1001 + a));
                }
                try (Sipp phones = Sipp.phones(pbx, extensions, Duration.ofMillis(500),
                        Duration.ofSeconds(talkSeconds))) {
                    signIn(base, extensions);
                    openSockets(vertx, httpPort, agents);
                    ami.addEventListener(event -> {
                        eventCounts.merge(event.getClass().getSimpleName(), 1, Integer::sum);
                        if (event instanceof AgentCalledEvent called && event.getTimestamp() != null) {
                            rings.putIfAbsent(called.getUniqueId(), Math.round(event.getTimestamp() * 1000));
                        }
                    });
                    ami.login();

                    lowerPriority(pbx.pid());
                    lowerPriority(phones.pid());
                    long serviceCpu = cpuMillis(service.pid());
                    long asteriskCpu = cpuMillis(pbx.pid());
                    long start = System.nanoTime();
                    Sipp callers = Sipp.calls(pbx, Sipp.Call.from("13900[call_number]").stay(Duration.ofSeconds(
                            talkSeconds + 8)), calls, agents, agents / 4.0);
                    lowerPriority(callers.pid());
                    int exit = callers.awaitExit(Duration.ofMinutes(15));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long serviceUsed = cpuMillis(service.pid()) - serviceCpu;
                    long asteriskUsed = cpuMillis(pbx.pid()) - asteriskCpu;
                    report(calls, agents, seconds, exit, serviceUsed, asteriskUsed);
                }
            } finally {
                if (ami.getState() == org.asteriskjava.manager.ManagerConnectionState.CONNECTED) {
                    ami.logoff();
                }
                service.destroy();
                service.waitFor(60, TimeUnit.SECONDS);
            }
        } finally {
            vertx.close();
        }
    }

    private void report(int calls, int agents, double seconds, int exit, long serviceCpu, long asteriskCpu) {
        List<Long> latencies = new ArrayList<>();
        pops.forEach((callId, arrived) -> {
            Long rang = rings.get(callId);
            if (rang != null) {
                latencies.add(Math.max(0, arrived - rang) * 1_000_000L);
            }
        });
        long[] nanos = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%d calls, %d at once through the IVR (SIPp exit %d) in %.1f s: %.2f calls/s"
                + " sustained; Asterisk and SIPp at niceness %d%n", calls, agents, exit, seconds, calls / seconds,
                Integer.getInteger("bench.pbxNice", 0));
        if (nanos.length > 0) {
            System.out.printf(Locale.ROOT, "ring (Asterisk's AgentCalled) to screen pop on the agent's WebSocket, %d"
                    + " pops: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", nanos.length, Latencies.millis(nanos, 50),
                    Latencies.millis(nanos, 99), nanos[nanos.length - 1] / 1e6);
        }
        // the same without the run's first seconds, when 100 callers arrive at a service whose code is still cold
        long warm = rings.values().stream().mapToLong(Long::longValue).min().orElse(0) + WARM_UP_MILLIS;
        long[] steady = pops.entrySet().stream().filter(pop -> rings.containsKey(pop.getKey())
                && rings.get(pop.getKey()) >= warm)
                .mapToLong(pop -> Math.max(0, pop.getValue() - rings.get(pop.getKey())) * 1_000_000L).sorted()
                .toArray();
        if (steady.length > 0) {
            System.out.printf(Locale.ROOT, "the same after the first %d s, %d pops: p50 %.1f ms, p99 %.1f ms, max %.1f"
                    + " ms%n", WARM_UP_MILLIS / 1000, steady.length, Latencies.millis(steady, 50),
                    Latencies.millis(steady, 99), steady[steady.length - 1] / 1e6);
        }
        System.out.printf(Locale.ROOT, "CPU per call: service %.1f ms, Asterisk %.1f ms%n",
                (double) serviceCpu / calls, (double) asteriskCpu / calls);
        System.out.printf(Locale.ROOT, "AMI events sent to the service's manager user: %.1f per call; most: %s%n",
                eventCounts.values().stream().mapToInt(Integer::intValue).sum() / (double) calls,
                eventCounts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(12)
                        .map(entry -> entry.getKey().replace("Event", "") + " " + entry.getValue())
                        .collect(java.util.stream.Collectors.joining(", ")));
        // where the tail lies in the run: at its start (a cold service) or spread through it (contention)
        long first = rings.values().stream().mapToLong(Long::longValue).min().orElse(0);
        System.out.println("slowest pops (seconds into the run: ms): " + pops.entrySet().stream()
                .filter(pop -> rings.containsKey(pop.getKey()))
                .sorted((a, b) -> Long.compare(b.getValue() - rings.get(b.getKey()),
                        a.getValue() - rings.get(a.getKey())))
                .limit(12).map(pop -> String.format(Locale.ROOT, "%.1f s: %d", (rings.get(pop.getKey()) - first)
                        / 1000.0, pop.getValue() - rings.get(pop.getKey())))
                .collect(java.util.stream.Collectors.joining(", ")));
    }

    private void signIn(String base, List<String> extensions) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String extension : extensions) {
            String username = "bench" + extension;
            BenchClients.post(http, base + "/api/users", "admin:demo12345",
                    "{\"username\":\"" + username + "\",\"password\":\""
                            + PASSWORD + "\",\"displayName\":\"压测坐席" + extension + "\",\"role\":\"AGENT\"}");
            BenchClients.post(http, base + "/api/telephony/agents/me/login", username + ":" + PASSWORD,
                    "{\"extension\":\"" + extension + "\"}");
        }
    }

    private void openSockets(Vertx vertx, int port, int agents) throws Exception {
        List<String> credentials = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            credentials.add("bench" + (1001 + a) + ":" + PASSWORD);
        }
        BenchClients.openTelephonySockets(vertx, port, credentials, this::received);
    }

    private void received(String message) {
        long now = System.currentTimeMillis();
        if (message.contains("\"screen-pop\"")) {
            Matcher callId = CALL_ID.matcher(message);
            if (callId.find()) {
                pops.putIfAbsent(callId.group(1), now);
            }
        }
    }

    /**
     * With {@code bench.pbxNice} above 0, Asterisk and the SIPp phones and callers run at that niceness (every thread
     * they have, and so every thread they start): on one small machine this stands in for the PBX on a host of its
     * own, as cities run it, so that what is measured is the service's part rather than its wait for a CPU that
     * Asterisk holds. 0 (the default): all share the CPU alike.
     */
    private static void lowerPriority(long pid) throws Exception {
        int nice = Integer.getInteger("bench.pbxNice", 0);
        if (nice <= 0) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", String.valueOf(nice), "-p"));
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            tasks.forEach(task -> command.add(task.getFileName().toString()));
        }
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /** User plus system CPU time of a process so far, from /proc/<pid>/stat (clock ticks of 10 ms). */
    private static long cpuMillis(long pid) throws Exception {
        String[] fields = Files.readString(Path.of("/proc", String.valueOf(pid), "stat")).replaceFirst(".*\\) ", "")
                .split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }
}
