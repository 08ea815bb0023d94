package org.hotline12345.knowledge.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.hotline12345.knowledge.ArticleFile;
import org.hotline12345.knowledge.ArticleRequest;
import org.hotline12345.support.Latencies;

/**
 * Search speed on a large knowledge base, both backends on the same articles and queries. Not a test: run it with the
 * command in docs/performance.md.
 * <p>
 * Builds {@code bench.articles} (default 100,000) articles from the shipped knowledge base and, where
 * {@code ../shared/datasets} is present, real citizen messages and policy answers: titles, alternative questions and
 * answers are drawn with a fixed seed from those texts, with categories, departments and dates spread over the
 * taxonomy. The query mix is fixed: the regression set's agent queries, citizen message titles and policy questions
 * ({@code bench.queries}, default 1,000). Each backend gets a warm-up pass, then a pass of single queries one after
 * another (latency), then {@code bench.threads} threads at once (throughput). Every query is what the search API runs:
 * agent-visible filters, ten hits, highlighted.
 */
public final class SearchBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("bench.articles", 100_000);
        int queryCount = Integer.getInteger("bench.queries", 1_000);
        int threads = Integer.getInteger("bench.threads", 4);
        Texts texts = Texts.load();
        List<String> queries = texts.queries(queryCount);
        System.out.printf(Locale.ROOT, "%,d articles from %,d sentences and %,d titles; %,d queries; %d threads%n",
                size, texts.sentences.size(), texts.titles.size(), queries.size(), threads);

        List<String[]> rows = new ArrayList<>();
        try (SearchBackend lucene = SearchBackends.lucene()) {
            rows.add(measure("embedded Lucene (IK)", lucene, texts, size, queries, threads));
        }
        try (SearchBackend elasticsearch = SearchBackends.elasticsearch("search-bench")) {
            rows.add(measure("Elasticsearch 8.19, one node (the service segments)", elasticsearch, texts, size, queries,
                    threads));
        }
        System.out.println();
        System.out.println("| backend | build | p50 | p99 | max | queries/s (" + threads + " threads) |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(row -> System.out.println("| " + String.join(" | ", row) + " |"));
    }

    private static String[] measure(String name, SearchBackend backend, Texts texts, int size, List<String> queries,
            int threads) throws Exception {
        long buildStart = System.nanoTime();
        backend.rebuild(texts.articles(size), n -> {
            if (n % 20_000 == 0) {
                System.out.printf(Locale.ROOT, "  %s: %,d indexed%n", name, n);
            }
        });
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        ArticleFilter agents = ArticleFilter.agentVisible(TODAY);
        for (String query : queries) {
            backend.search(new ArticleQuery(query, agents, 0, 10));
        }
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            backend.search(new ArticleQuery(queries.get(i), agents, 0, 10));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        int total = queries.size() * 3;
        long throughputStart = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    backend.search(new ArticleQuery(queries.get(i % queries.size()), agents, 0, 10));
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double qps = total / ((System.nanoTime() - throughputStart) / 1e9);
        pool.shutdown();
        String[] row = {name, String.format(Locale.ROOT, "%.0f s", buildSeconds), millis(Latencies.millis(nanos, 50)),
                millis(Latencies.millis(nanos, 99)), millis(nanos[nanos.length - 1] / 1e6),
                String.format(Locale.ROOT, "%,.0f", qps)};
        System.out.println("  " + String.join(" | ", row));
        return row;
    }

    private static String millis(double millis) {
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    /** The texts articles and queries are drawn from. */
    private static final class Texts {
        final List<String> sentences = new ArrayList<>();
        final List<String> titles = new ArrayList<>();
        final List<String> agentQueries = new ArrayList<>();
        final List<String> policyQuestions = new ArrayList<>();
        final List<String[]> categories = new ArrayList<>();
        final List<String> departments = new ArrayList<>();

        static Texts load() throws IOException {
            Texts texts = new Texts();
            try (Stream<Path> files = Files.walk(Path.of("knowledge-base/articles"))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                    ArticleRequest article = ArticleFile.parse("x", Files.readString(file));
                    texts.titles.add(article.title());
                    texts.titles.addAll(article.questions());
                    texts.addSentences(article.answer());
                }
            } catch (ArticleFile.FormatException e) {
                throw new IllegalStateException(e);
            }
            for (String line : lines("src/test/resources/knowledge/regression-queries.tsv")) {
                if (!line.startsWith("query\t") && line.contains("\t")) {
                    texts.agentQueries.add(line.split("\t")[0]);
                }
            }
            for (String line : lines("../shared/datasets/citizen-messages/titles-train.tsv")) {
                texts.titles.add(line.split("\t")[0]);
            }
            for (String line : lines("../shared/datasets/citizen-messages/messages-domain-type.csv")) {
                texts.addSentences(line.split(",")[0]);
            }
            for (String line : lines("../shared/datasets/policy-qa/covid-policy-qa.tsv")) {
                String[] columns = line.split("\t");
                if (columns.length == 4) {
                    texts.policyQuestions.add(columns[2]);
                    texts.addSentences(columns[3]);
                }
            }
            for (String line : lines("src/main/resources/seed/categories.csv")) {
                String code = line.split(",")[0];
                if (code.length() == 6 && code.matches("\\d+")) {
                    texts.categories.add(new String[]{code.substring(0, 2), code.substring(0, 4), code});
                }
            }
            for (String line : lines("src/main/resources/seed/departments.csv")) {
                texts.departments.add(line.split(",")[0]);
            }
            return texts;
        }

        private void addSentences(String text) {
            for (String sentence : text.replaceAll("[#>*`|\\-]", " ").split("[。！？\\n]")) {
                if (sentence.strip().length() >= 6) {
                    sentences.add(sentence.strip() + "。");
                }
            }
        }

        private static List<String> lines(String path) throws IOException {
            Path file = Path.of(path);
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        }

        Iterator<IndexedArticle> articles(int size) {
            Random random = new Random(42);
            return new Iterator<>() {
                private int made;

                @Override
                public boolean hasNext() {
                    return made < size;
                }

                @Override
                public IndexedArticle next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    made++;
                    StringBuilder answer = new StringBuilder();
                    for (int i = 5 + random.nextInt(10); i > 0; i--) {
                        answer.append(sentences.get(random.nextInt(sentences.size())));
                    }
                    String[] category = categories.get(random.nextInt(categories.size()));
                    boolean published = random.nextInt(10) > 0;
                    LocalDate effective = TODAY.minusDays(random.nextInt(2000) - 30);
                    LocalDate expires = random.nextInt(10) == 0 ? effective.plusDays(1 + random.nextInt(1500)) : null;
                    return new IndexedArticle(made, "bench-" + made, 1, pick(random, titles),
                            List.of(pick(random, titles), pick(random, titles)), answer.toString(),
                            List.of(pick(random, titles).substring(0, 2)), List.of(category),
                            departments.get(random.nextInt(departments.size())), published ? "PUBLISHED" : "DRAFT",
                            false, effective, expires, Instant.ofEpochSecond(1_700_000_000L + made), List.of());
                }
            };
        }

        /** The fixed query mix: every agent query, then citizen titles and policy questions in turn. */
        List<String> queries(int count) {
            Random random = new Random(7);
            List<String> mix = new ArrayList<>(agentQueries);
            while (mix.size() < count) {
                List<String> from = mix.size() % 2 == 0 || policyQuestions.isEmpty() ? titles : policyQuestions;
                mix.add(pick(random, from));
            }
            return mix.subList(0, count);
        }

        private static String pick(Random random, List<String> from) {
            return from.get(random.nextInt(from.size()));
        }
    }
}
