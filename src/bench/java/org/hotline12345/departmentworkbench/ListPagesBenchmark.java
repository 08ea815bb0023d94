package org.hotline12345.departmentworkbench;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.database.EmbeddedDatabase;
import org.hotline12345.support.Api;
import org.hotline12345.support.Latencies;
import org.hotline12345.support.Ports;
import org.hotline12345.support.ServiceProcess;
import org.hotline12345.workorder.RegisterDispatchBenchmark;

/**
 * How quickly the pages answer when a list holds many work orders: loads {@code bench.workOrders} (default 10,000)
 * work orders into one department's inbox through the API, then times each page as its user opens it, one request
 * after another, and prints p50, p95 and the largest time with the page's size; a work order's page and the API's
 * list and work order, which name the citizen and so write the access record, too. Not a test: run it with
 * {@code ./mvnw -B -Pbenchmark -DskipTests verify -Dbenchmark=org.hotline12345.departmentworkbench.ListPagesBenchmark}.
 */
public final class ListPagesBenchmark {

    private static final String LOG = "list-pages-benchmark-service.log";
    private static final int WARMUP = 10;

    /** A page and who opens it. */
    private record Visit(String user, String path) {
    }

    public static void main(String[] args) throws Exception {
        int workOrders = Integer.getInteger("bench.workOrders", 10_000);
        int rounds = Integer.getInteger("bench.rounds", 50);
        Path data = Files.createTempDirectory("hotline-bench");
        try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(data.resolve("pg"), Ports.free())) {
            int port = Ports.free();
            Process service = ServiceProcess.start(database, port, Map.of(), LOG);
            try {
                String base = "http://localhost:" + port;
                ServiceProcess.awaitReady(service, base, LOG);
                long start = System.nanoTime();
                RegisterDispatchBenchmark.load(port, workOrders, 16, "HOUSING");
                System.out.printf(Locale.ROOT, "%d work orders dispatched to 市住建局 in %.0f s; %d rounds per page%n",
                        workOrders, (System.nanoTime() - start) / 1e9, rounds);
                HttpClient http = HttpClient.newHttpClient();
                Map<String, String> sessions = new LinkedHashMap<>();
                for (String user : List.of("housing", "agent", "supervisor", "admin")) {
                    sessions.put(user, signIn(http, base, user));
                }
                String search = URLEncoder.encode("物业费 " + (workOrders - 1), StandardCharsets.UTF_8);
                String newest = newestNumber(http, base);
                // as RegisterDispatchBenchmark numbers its callers
                String lastPhone = "138" + String.format(Locale.ROOT, "%08d", (workOrders - 1) % 100_000_000);
                List<Visit> visits = List.of(new Visit("housing", "/department"),
                        new Visit("housing", "/department?page=" + (workOrders / 50 - 1)),
                        new Visit("housing", "/department?q=" + search),
                        new Visit("housing", "/department?q=" + URLEncoder.encode("物业", StandardCharsets.UTF_8)),
                        new Visit("agent", "/agent"), new Visit("agent", "/hotline/approvals"),
                        new Visit("agent", "/hotline/search"),
                        new Visit("agent", "/hotline/search?department=HOUSING&page=" + (workOrders / 50 - 1)),
                        new Visit("agent", "/hotline/search?q=" + search),
                        // the caller's history: one number's work orders, a name's beginning, a place every row has
                        new Visit("agent", "/agent/caller?phone=" + lastPhone),
                        new Visit("agent", "/hotline/search?phone=" + lastPhone),
                        new Visit("agent", "/hotline/search?citizen="
                                + URLEncoder.encode("市民" + (workOrders - 1), StandardCharsets.UTF_8)),
                        new Visit("agent", "/hotline/search?address="
                                + URLEncoder.encode("幸福路18号", StandardCharsets.UTF_8)),
                        new Visit("supervisor", "/supervisor/overdue"), new Visit("supervisor", "/supervisor/stats"),
                        new Visit("admin", "/admin/users"), new Visit("admin", "/admin/rules"),
                        new Visit("housing", "/department/export"),
                        // a work order in full, and the API's list, name the citizen: each showing is recorded
                        new Visit("housing", "/department/work-orders/" + newest),
                        new Visit("housing", "/api/work-orders/" + newest),
                        new Visit("housing", "/api/work-orders?size=50"));
                System.out.printf(Locale.ROOT, "%-34s %-11s %9s %9s %9s %10s%n", "page", "user", "p50 ms", "p95 ms",
                        "max ms", "bytes");
                for (Visit visit : visits) {
                    HttpRequest request = visit.path().startsWith("/api/")
                            ? HttpRequest.newBuilder(URI.create(base + visit.path()))
                                    .header("Authorization", basic(visit.user())).build()
                            : HttpRequest.newBuilder(URI.create(base + visit.path()))
                                    .header("Cookie", sessions.get(visit.user())).build();
                    long[] times = new long[rounds];
                    long bytes = 0;
                    for (int i = -WARMUP; i < rounds; i++) {
                        long begin = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - begin;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(visit + " answered " + response.statusCode());
                        }
                        if (i >= 0) {
                            times[i] = took;
                            bytes = response.body().length;
                        }
                    }
                    Arrays.sort(times);
                    System.out.printf(Locale.ROOT, "%-34s %-11s %9.1f %9.1f %9.1f %10d%n",
                            URLDecoder.decode(visit.path(), StandardCharsets.UTF_8),
                            visit.user(), Latencies.millis(times, 50), Latencies.millis(times, 95),
                            times[rounds - 1] / 1e6,
                            bytes);
                }
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes(
                StandardCharsets.UTF_8));
    }

    /** The number of the newest work order in the department's list. */
    private static String newestNumber(HttpClient http, String base) throws Exception {
        String list = http.send(HttpRequest.newBuilder(URI.create(base + "/api/work-orders?size=1"))
                .header("Authorization", basic("housing")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher number = Pattern.compile("\"number\":\"([^\"]+)\"").matcher(list);
        if (!number.find()) {
            throw new IllegalStateException("no work order in " + list);
        }
        return number.group(1);
    }

    /** Signs in through the login form, as a browser does, and returns the session cookie. */
    private static String signIn(HttpClient http, String base, String user) throws Exception {
        return ServiceProcess.signIn(http, base, user, Api.PASSWORD)
                .orElseThrow(() -> new IllegalStateException(user + " could not sign in"));
    }

    private ListPagesBenchmark() {
    }
}
