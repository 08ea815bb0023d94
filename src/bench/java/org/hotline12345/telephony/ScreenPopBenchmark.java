package org.hotline12345.telephony;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.database.EmbeddedDatabase;
import org.hotline12345.support.BenchClients;
import org.hotline12345.support.Latencies;
import org.hotline12345.support.Ports;
import org.hotline12345.support.ServiceProcess;
import org.hotline12345.telephony.peer.AmiEvents;
import org.hotline12345.telephony.peer.AmiEvents.Channel;
import org.hotline12345.telephony.peer.AmiEvents.Member;
import org.hotline12345.telephony.peer.FakeAsterisk;

import io.vertx.core.Vertx;

/**
 * Replays the AMI event stream of 200 concurrent queue calls into the packaged service and measures how fast it is
 * ingested and how long a screen pop takes from its AgentCalled event leaving Asterisk's socket to the WebSocket frame
 * arriving at the agent's browser. Not a test: run it with the command in docs/performance.md, after
 * {@code package}.
 * <p>
 * The service runs as its own JVM on a fresh embedded PostgreSQL holding {@code bench.history} work orders (default
 * 2,000) of half the calling numbers, with telephony on against a {@link FakeAsterisk} in this JVM. Each of
 * {@code bench.agents} agents (default 200) has a WebSocket open. Every call produces the events Asterisk 20 sends for
 * a queue call (13: channels, join, member states, AgentCalled, leave, AgentConnect, the recording, AgentComplete,
 * hang-ups). Phase 1 replays {@code bench.rounds} rounds (default 50) of 200 calls as fast as the socket takes them;
 * phase 2 replays {@code bench.pacedRounds} more (default 10) at {@code bench.pacedRate} events per second (default
 * 2,000, far above a city's busiest hour) for the latency a browser sees.
 */
public final class ScreenPopBenchmark {

    private static final String LOG = "benchmark-telephony-service.log";
    private static final String PASSWORD = "bench-agent-12345";
    private static final String SECRET = "bench-secret";
    private static final Pattern CALL_ID = Pattern.compile("\"callId\":\"([^\"]+)\"");

    private final Map<String, Long> popArrivals = new ConcurrentHashMap<>();
    private final AtomicLong sentinelArrival = new AtomicLong();
    private volatile String sentinelReason = "";

    public static void main(String[] args) throws Exception {
        new ScreenPopBenchmark().run(Integer.getInteger("bench.agents", 200), Integer.getInteger("bench.rounds", 50),
                Integer.getInteger("bench.pacedRounds", 10), Integer.getInteger("bench.pacedRate", 2_000),
                Integer.getInteger("bench.history", 2_000));
    }

    private void run(int agents, int rounds, int pacedRounds, int pacedRate, int history) throws Exception {
        Path data = Files.createTempDirectory("hotline-telephony-bench");
        try (FakeAsterisk asterisk = FakeAsterisk.start("hotline", SECRET);
                EmbeddedDatabase database = EmbeddedDatabase.startPersistent(data.resolve("pg"), Ports.free())) {
            int port = Ports.free();
            Process service = ServiceProcess.start(database, port, Map.of("HOTLINE_TELEPHONY_ENABLED", "true",
                    "HOTLINE_TELEPHONY_AMI_HOST", "127.0.0.1", "HOTLINE_TELEPHONY_AMI_PORT",
                    String.valueOf(asterisk.port()), "HOTLINE_TELEPHONY_AMI_PASSWORD", SECRET,
                    "HOTLINE_TELEPHONY_AGI_BIND_ADDRESS", "127.0.0.1", "HOTLINE_TELEPHONY_AGI_PORT",
                    String.valueOf(Ports.free())), LOG);
            Vertx vertx = Vertx.vertx();
            try {
                String base = "http://localhost:" + port;
                ServiceProcess.awaitReady(service, base, LOG);
                asterisk.awaitLogins(1, Duration.ofMinutes(1));
                System.out.printf(Locale.ROOT, "%d cores, %s%n", Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
                prepare(base, agents, history);
                openSockets(vertx, port, agents);
                List<String> members = new ArrayList<>();
                for (int a = 0; a < agents; a++) {
                    members.add(AmiEvents.queueMemberAdded(member(a)).text());
                }
                asterisk.replay(members);

                List<String> flood = new ArrayList<>();
                Map<Integer, String> floodPops = calls(0, rounds, agents, flood);
                int floodCalls = rounds * agents;
                flood.add(AmiEvents.queueMemberPause(member(0), true, "flood-done").text());
                sentinelReason = "flood-done";
                long[] sent = asterisk.replay(flood);
                long start = sent[0];
                awaitSentinel();
                double ingestSeconds = (sentinelArrival.get() - start) / 1e9;
                awaitPops(floodPops.size());
                double popsSeconds = (popArrivals.values().stream().mapToLong(Long::longValue).max().orElseThrow()
                        - start) / 1e9;
                double[] floodLatency = latencies(floodPops, sent);
                double recordsSeconds = awaitRecords(base, floodCalls, start);
                System.out.printf(Locale.ROOT, "phase 1: %,d calls by %d agents, %,d AMI events as fast as the socket "
                        + "takes them%n", floodCalls, agents, flood.size());
                System.out.printf(Locale.ROOT, "  ingested     %,10.0f events/s (%.2f s until the last event was "
                        + "applied)%n", flood.size() / ingestSeconds, ingestSeconds);
                System.out.printf(Locale.ROOT, "  screen pops  %,10.0f pops/s   (all %,d delivered after %.2f s)%n",
                        floodCalls / popsSeconds, floodCalls, popsSeconds);
                System.out.printf(Locale.ROOT, "  call records written after %.2f s%n", recordsSeconds);
                System.out.printf(Locale.ROOT, "  screen-pop latency under this flood: p50 %.1f ms  p99 %.1f ms  "
                        + "max %.1f ms%n", floodLatency[0], floodLatency[1], floodLatency[2]);

                popArrivals.clear();
                List<String> paced = new ArrayList<>();
                Map<Integer, String> pacedPops = calls(rounds, pacedRounds, agents, paced);
                long[] pacedSent = asterisk.replay(paced, pacedRate);
                awaitPops(pacedPops.size());
                double[] latency = latencies(pacedPops, pacedSent);
                System.out.printf(Locale.ROOT, "phase 2: %,d calls, %,d events paced at %,d events/s%n",
                        pacedRounds * agents, paced.size(), pacedRate);
                System.out.printf(Locale.ROOT, "  screen-pop latency (AgentCalled leaves the socket -> frame at the "
                        + "agent): p50 %.1f ms  p99 %.1f ms  max %.1f ms%n", latency[0], latency[1], latency[2]);
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get();
                service.destroy();
                service.waitFor();
            }
        }
    }

    private static Member member(int agent) {
        return new Member("hotline", "PJSIP/" + (2000 + agent), username(agent));
    }

    private static String username(int agent) {
        return String.format(Locale.ROOT, "bench-agent-%03d", agent);
    }

    private static String callerNumber(int call) {
        return String.format(Locale.ROOT, "1380000%04d", call % 4000);
    }

    /**
     * The events of {@code rounds} rounds of one call per agent, all calls of a round in progress together, each step
     * taken by every call before the next step. Returns the packet index of each call's AgentCalled and its call id.
     */
    private static Map<Integer, String> calls(int firstRound, int rounds, int agents, List<String> packets) {
        Map<Integer, String> pops = new ConcurrentHashMap<>();
        for (int round = firstRound; round < firstRound + rounds; round++) {
            List<Channel> callers = new ArrayList<>();
            List<Channel> legs = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                int call = round * agents + a;
                Channel caller = Channel.caller("PJSIP/trunk-" + Integer.toHexString(call), "1800000000." + call,
                        callerNumber(call));
                callers.add(caller);
                legs.add(Channel.agent("PJSIP/" + (2000 + a) + "-" + Integer.toHexString(call), "1800000001." + call,
                        caller));
            }
            for (int a = 0; a < agents; a++) {
                packets.add(AmiEvents.newchannel(callers.get(a)).text());
                packets.add(AmiEvents.queueCallerJoin(callers.get(a), "hotline", a + 1, a + 1).text());
            }
            for (int a = 0; a < agents; a++) {
                packets.add(AmiEvents.newchannel(legs.get(a).withState(0)).text());
                packets.add(AmiEvents.queueMemberStatus(member(a), AmiEvents.RINGING, false, false).text());
                pops.put(packets.size(), callers.get(a).uniqueId());
                packets.add(AmiEvents.agentCalled(callers.get(a), legs.get(a), member(a)).text());
            }
            for (int a = 0; a < agents; a++) {
                Channel up = legs.get(a).withState(6);
                packets.add(AmiEvents.queueCallerLeave(callers.get(a), "hotline", 1, agents - a - 1).text());
                packets.add(AmiEvents.agentConnect(callers.get(a), up, member(a), 6, 2).text());
                packets.add(AmiEvents.queueMemberStatus(member(a), AmiEvents.INUSE, false, true).text());
                packets.add(AmiEvents.hotlineRecording(callers.get(a), "bench/" + callers.get(a).uniqueId() + ".wav")
                        .text());
            }
            for (int a = 0; a < agents; a++) {
                Channel up = legs.get(a).withState(6);
                packets.add(AmiEvents.agentComplete(callers.get(a), up, member(a), 6, 95, "caller").text());
                packets.add(AmiEvents.hangup(callers.get(a), 16, "Normal Clearing").text());
                packets.add(AmiEvents.hangup(up, 16, "Normal Clearing").text());
                packets.add(AmiEvents.queueMemberStatus(member(a), AmiEvents.NOT_INUSE, false, false).text());
            }
        }
        return pops;
    }

    /** The agents' accounts, and work orders from half the calling numbers so that screen pops have history. */
    private static void prepare(String base, int agents, int history) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                String body = "{\"username\":\"" + username(a) + "\",\"password\":\"" + PASSWORD
                        + "\",\"displayName\":\"压测坐席" + a + "\",\"role\":\"AGENT\"}";
                done.add(pool.submit(() -> BenchClients.post(http, base + "/api/users", "admin:demo12345", body)));
            }
            for (int i = 0; i < history; i++) {
                String body = "{\"channel\":\"PHONE\",\"requestType\":\"COMPLAINT\",\"citizen\":{\"name\":\"市民" + i
                        + "\",\"phone\":\"" + callerNumber(i) + "\",\"occupation\":\"ENTERPRISE_EMPLOYEE\"},"
                        + "\"title\":\"小区物业擅自上调物业费 " + i + "\",\"content\":\"物业公司未经业主大会同意上调物业费，请核查。\","
                        + "\"location\":{\"district\":\"城东区\",\"street\":\"东门街道\",\"address\":\"幸福路18号\"},"
                        + "\"categoryCode\":\"010101\",\"dispatch\":{\"leadDepartmentCode\":\"HOUSING\"}}";
                done.add(
                        pool.submit(() -> BenchClients.post(http, base + "/api/work-orders", "agent:demo12345", body)));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void openSockets(Vertx vertx, int port, int agents) throws Exception {
        List<String> credentials = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            credentials.add(username(a) + ":" + PASSWORD);
        }
        BenchClients.openTelephonySockets(vertx, port, credentials, this::received);
    }

    private void received(String text) {
        long now = System.nanoTime();
        if (text.startsWith("{\"type\":\"screen-pop\"")) {
            Matcher id = CALL_ID.matcher(text);
            if (id.find()) {
                popArrivals.putIfAbsent(id.group(1), now);
            }
        } else if (text.contains("\"pauseReason\":\"" + sentinelReason + "\"")) {
            sentinelArrival.compareAndSet(0, now);
        }
    }

    private void awaitSentinel() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (sentinelArrival.get() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the last event was not applied within 5 minutes");
            }
            Thread.sleep(1);
        }
    }

    private void awaitPops(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (popArrivals.size() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(popArrivals.size() + " of " + expected + " screen pops arrived");
            }
            Thread.sleep(5);
        }
    }

    /** Seconds from {@code start} until the service had written every call's record. */
    private static double awaitRecords(String base, int calls, long start) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Pattern total = Pattern.compile("\"total\":(\\d+)");
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/telephony/calls?size=1")).header("Authorization",
                            BenchClients.basic("supervisor:demo12345"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = total.matcher(response.body());
            if (matcher.find() && Long.parseLong(matcher.group(1)) >= calls) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(50);
        }
    }

    /** p50, p99 and max in milliseconds, from each AgentCalled's send time to its pop's arrival. */
    private double[] latencies(Map<Integer, String> pops, long[] sent) {
        long[] nanos = pops.entrySet().stream()
                .mapToLong(pop -> popArrivals.get(pop.getValue()) - sent[pop.getKey()]).sorted().toArray();
        return new double[]{Latencies.millis(nanos, 50), Latencies.millis(nanos, 99), nanos[nanos.length - 1] / 1e6};
    }

    private ScreenPopBenchmark() {
    }
}
