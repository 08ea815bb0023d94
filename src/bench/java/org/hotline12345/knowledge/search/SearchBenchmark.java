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
 * Search speed on a large knowledge base, both backends on the same articles and queries, word matching and vectors
 * together as the service searches. Not a test: run it with the command in docs/performance.md.
 * <p>
 * Builds {@code bench.articles} (default 100,000) articles from the shipped knowledge base and, where
 * {@code ../shared/datasets} is present, real citizen messages and policy answers: titles, alternative questions and
 * answers are drawn with a fixed seed from those texts, with categories, departments and dates spread over the
 * taxonomy. The query mix is fixed: the regression set's agent queries, citizen message titles and policy questions
 * ({@code bench.queries}, default 1,000). Each backend gets a warm-up pass, then a pass of single queries one after
 * another (latency), then {@code bench.threads} threads at once (throughput). Every query is what the search API runs:
 * agent-visible filters, ten hits, highlighted, and (with {@code bench.vectors}, default true) the query encoded by the
 * sentence encoder in the timed part, as the service does.
 * <p>
 * Encoding the passages of 100,000 articles would take hours on two cores, so the passages of the first
 * {@code bench.vectorSample} articles (default 2,000) are encoded and the others reuse their vectors in turn: the index
 * holds as many vectors as real articles would, with a realistic spread, though an article's vectors describe another
 * article's text. Also prints the memory the encoder takes (heap and resident) and the vectors' size on disk, and for
 * the timed pass the query's encoding and the search apart. {@code -Dbench.elasticsearch=false} measures the embedded
 * backend only.
 */
public final class SearchBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("bench.articles", 100_000);
        int queryCount = Integer.getInteger("bench.queries", 1_000);
        int threads = Integer.getInteger("bench.threads", 4);
        boolean withVectors = Boolean.parseBoolean(System.getProperty("bench.vectors", "true"));
        Texts texts = Texts.load();
        List<String> queries = texts.queries(queryCount);
        System.out.printf(Locale.ROOT, "%,d articles from %,d sentences and %,d titles; %,d queries; %d threads%n",
                size, texts.sentences.size(), texts.titles.size(), queries.size(), threads);

        SentenceEncoder encoder = null;
        if (withVectors) {
            System.gc();
            long heapBefore = usedHeap();
            long residentBefore = resident();
            long start = System.nanoTime();
            encoder = SentenceEncoder.bgeSmallZh(1);
            encoder.encode("预热");
            System.gc();
            System.out.printf(Locale.ROOT, "encoder loaded in %.1f s: heap +%.0f MB, resident +%.0f MB%n",
                    (System.nanoTime() - start) / 1e9, (usedHeap() - heapBefore) / 1e6,
                    (resident() - residentBefore) / 1e6);
            texts.encodeSample(encoder, Integer.getInteger("bench.vectorSample", 2_000));
        }
        List<String[]> rows = new ArrayList<>();
        try (LuceneBackend lucene = SearchBackends.lucene()) {
            rows.add(measure("embedded Lucene (IK)", lucene, texts, size, queries, threads, encoder));
            System.out.printf(Locale.ROOT, "  vectors on disk (float and int8 copies, graph): %.0f MB%n",
                    SearchBackends.vectorBytes(lucene) / 1e6);
        }
        if (Boolean.parseBoolean(System.getProperty("bench.elasticsearch", "true"))) {
            try (SearchBackend elasticsearch = SearchBackends.elasticsearch("search-bench")) {
                rows.add(measure("Elasticsearch 8.19, one node (the service segments)", elasticsearch, texts, size,
                        queries, threads, encoder));
            }
        }
        if (encoder != null) {
            encoder.close();
        }
        System.out.println();
        System.out.println("| backend | build | p50 | p99 | max | queries/s (" + threads
                + " threads) | encoding alone p50 / p99 | search alone p50 / p99 |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(row -> System.out.println("| " + String.join(" | ", row) + " |"));
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** The process's resident memory, from /proc (Linux); 0 elsewhere. */
    private static long resident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return 0;
    }

    private static String[] measure(String name, SearchBackend backend, Texts texts, int size, List<String> queries,
            int threads, SentenceEncoder encoder) throws Exception {
        long buildStart = System.nanoTime();
        backend.rebuild(texts.articles(size), n -> {
            if (n % 20_000 == 0) {
                System.out.printf(Locale.ROOT, "  %s: %,d indexed%n", name, n);
            }
        });
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        ArticleFilter agents = ArticleFilter.agentVisible(TODAY);
        for (String query : queries) {
            search(backend, encoder, query, agents);
        }
        long[] nanos = new long[queries.size()];
        long[] encodingNanos = new long[queries.size()];
        long[] searchNanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            float[] vector = encode(encoder, queries.get(i));
            long encoded = System.nanoTime();
            backend.search(new ArticleQuery(queries.get(i), vector, agents, 0, 10));
            long end = System.nanoTime();
            nanos[i] = end - start;
            encodingNanos[i] = encoded - start;
            searchNanos[i] = end - encoded;
        }
        Arrays.sort(nanos);
        Arrays.sort(encodingNanos);
        Arrays.sort(searchNanos);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        int total = queries.size() * 3;
        long throughputStart = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    search(backend, encoder, queries.get(i % queries.size()), agents);
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
                String.format(Locale.ROOT, "%,.0f", qps),
                millis(Latencies.millis(encodingNanos, 50)) + " / " + millis(Latencies.millis(encodingNanos, 99)),
                millis(Latencies.millis(searchNanos, 50)) + " / " + millis(Latencies.millis(searchNanos, 99))};
        System.out.println("  " + String.join(" | ", row));
        return row;
    }

    /** A search as the service runs it: the query encoded (when vectors are on), then words and vectors fused. */
    private static SearchResult search(SearchBackend backend, SentenceEncoder encoder, String query,
            ArticleFilter filter) {
        return backend.search(new ArticleQuery(query, encode(encoder, query), filter, 0, 10));
    }

    /** The query's vector as the service takes it: with bge's instruction, its first 128 tokens (KnowledgeEncoder). */
    private static float[] encode(SentenceEncoder encoder, String query) {
        return encoder == null ? null : encoder.encode(SentenceEncoder.QUERY_INSTRUCTION + query, 128);
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
        /** The encoded articles' vectors, which the others reuse in turn; empty without vectors. */
        final List<List<float[]>> sampleVectors = new ArrayList<>();

        /** Encodes the passages of the first {@code count} articles the generator makes. */
        void encodeSample(SentenceEncoder encoder, int count) {
            long start = System.nanoTime();
            Iterator<IndexedArticle> sample = articles(count);
            int passages = 0;
            while (sample.hasNext()) {
                List<String> texts = sample.next().passages();
                sampleVectors.add(encoder.encodeAll(texts));
                passages += texts.size();
            }
            System.out.printf(Locale.ROOT, "encoded %,d passages of %,d articles in %.0f s%n", passages, count,
                    (System.nanoTime() - start) / 1e9);
        }

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
                            false, effective, expires, Instant.ofEpochSecond(1_700_000_000L + made),
                            sampleVectors.isEmpty() ? List.of() : sampleVectors.get((made - 1) % sampleVectors.size()));
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
