package org.hotline12345.knowledge.search;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.hotline12345.knowledge.ArticleFile;
import org.hotline12345.knowledge.ArticleRequest;
import org.hotline12345.knowledge.search.HybridRanking.Fusion;
import org.hotline12345.knowledge.search.HybridRanking.Scored;
import org.hotline12345.support.Latencies;

/**
 * Relevance on two question sets, word matching alone, vectors alone and both fused, on both backends. Not a test: run
 * it with the command in docs/performance.md.
 * <ul>
 * <li><b>covid</b>: {@code ../shared/datasets/policy-qa/covid-policy-qa.tsv}: each distinct answer is an article (its
 * text only: no title or questions), each question must find the article of its answer. The questions are split once
 * (seed 12345): 60 % to choose the fusion on, by 5-fold cross-validation, and 40 % held out, asked once with what was
 * chosen.</li>
 * <li><b>shipped</b>: the knowledge base's own articles with their usual questions (相似问法) taken out; each question
 * must find its article. Made for this evaluation and never used to choose anything.</li>
 * </ul>
 * Prints Recall@1, Recall@3 and MRR@10, and the latency of encoding a question and of a search, beside the baseline
 * the issue cites: BM25 over single characters of the answers alone. The vectors are cached in
 * {@code target/relevance-vectors}, so a second run encodes nothing. Options: {@code -Dbench.trainSample} chooses on
 * the first N of the training questions only (all 3,000 by default), {@code -Dbench.latencySample} (200) questions
 * encoded one at a time for the encoding's latency, {@code -Dbench.minSimilarity} fixes the minimum similarity (the
 * other settings still chosen): the lower it is, the more a question like nothing in the knowledge base still finds,
 * which Recall and MRR never penalise; {@code -Dbench.elasticsearch=false} evaluates the embedded backend only.
 */
public final class RelevanceEvaluation {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final ArticleFilter ALL = ArticleFilter.agentVisible(TODAY);
    private static final int FOLDS = 5;
    private static final int CANDIDATES = 50;

    record Question(String text, long article) {
    }

    record DataSet(String name, List<IndexedArticle> articles, List<Question> train, List<Question> heldOut) {
    }

    record Metrics(double atOne, double atThree, double reciprocal) {
        static Metrics of(List<Integer> ranks) {
            double one = 0;
            double three = 0;
            double mrr = 0;
            for (int rank : ranks) {
                one += rank == 0 ? 1 : 0;
                three += rank >= 0 && rank < 3 ? 1 : 0;
                mrr += rank >= 0 && rank < 10 ? 1.0 / (rank + 1) : 0;
            }
            return new Metrics(one / ranks.size(), three / ranks.size(), mrr / ranks.size());
        }

        String row() {
            return String.format(Locale.ROOT, "%.3f | %.3f | %.3f", atOne, atThree, reciprocal);
        }
    }

    /** One setting of the fusion and of the query's form. */
    record Setting(Fusion fusion, float weight, int k, float minSimilarity, boolean instruction) {
        SearchTuning tuning() {
            return SearchTuning.defaults().withFusion(fusion, weight, k).withMinSimilarity(minSimilarity);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s weight %.1f%s, min similarity %.2f, %s", fusion, weight,
                    fusion == Fusion.RRF ? ", k " + k : "", minSimilarity,
                    instruction ? "with bge's query instruction" : "question as asked");
        }
    }

    /** A question's candidates by words and by vectors (exact cosine, an article by its best passage). */
    record Lists(List<Scored> words, List<Scored> vectors, long article) {
    }

    public static void main(String[] args) throws Exception {
        Path covidFile = Path.of("../shared/datasets/policy-qa/covid-policy-qa.tsv");
        if (!Files.exists(covidFile)) {
            System.out.println("skipped: " + covidFile + " is absent");
            return;
        }
        try (SentenceEncoder encoder = SentenceEncoder.bgeSmallZh(Integer.getInteger("bench.threads", 2))) {
            DataSet covid = covid(covidFile);
            DataSet shipped = shipped();
            System.out.printf(Locale.ROOT, "covid: %,d articles, %,d questions to choose on, %,d held out%n",
                    covid.articles().size(), covid.train().size(), covid.heldOut().size());
            System.out.printf(Locale.ROOT, "shipped: %,d articles, %,d usual questions held out%n%n",
                    shipped.articles().size(), shipped.heldOut().size());
            Vectors vectors = new Vectors(encoder);
            List<IndexedArticle> covidArticles = vectors.articles(covid.articles());
            List<IndexedArticle> shippedArticles = vectors.articles(shipped.articles());

            Setting chosen;
            try (LuceneBackend lucene = SearchBackends.lucene()) {
                lucene.rebuild(covidArticles.iterator(), n -> {
                });
                List<Question> train = covid.train().subList(0,
                        Math.min(covid.train().size(), Integer.getInteger("bench.trainSample", covid.train().size())));
                chosen = crossValidate(lucene, covidArticles, train, vectors);
            }
            System.out.println();
            System.out.println("| data set | backend | search | Recall@1 | Recall@3 | MRR@10 |");
            System.out.println("|---|---|---|---|---|---|");
            System.out.println(characterBm25("covid (held out)", covidArticles, covid.heldOut()));
            System.out.println(characterBm25("shipped", shippedArticles, shipped.heldOut()));
            List<String> latencies = new ArrayList<>();
            try (LuceneBackend lucene = SearchBackends.lucene()) {
                latencies.add(evaluate(lucene, "embedded Lucene", "covid (held out)", covidArticles,
                        covid.heldOut(), chosen, vectors));
                latencies.add(evaluate(lucene, "embedded Lucene", "shipped", shippedArticles, shipped.heldOut(),
                        chosen, vectors));
            }
            if (Boolean.parseBoolean(System.getProperty("bench.elasticsearch", "true"))) {
                try (ElasticsearchBackend elasticsearch = SearchBackends.elasticsearch("relevance-eval")) {
                    latencies.add(evaluate(elasticsearch, "Elasticsearch", "covid (held out)", covidArticles,
                            covid.heldOut(), chosen, vectors));
                    latencies.add(evaluate(elasticsearch, "Elasticsearch", "shipped", shippedArticles,
                            shipped.heldOut(), chosen, vectors));
                }
            }
            System.out.println();
            System.out.println("| data set | backend | encoding p50 / p99 | hybrid search p50 / p99 |");
            System.out.println("|---|---|---|---|");
            latencies.forEach(System.out::println);
        }
    }

    /** Every distinct answer an article; the questions shuffled once and split 60/40. */
    static DataSet covid(Path file) throws IOException {
        Map<String, Long> articleOfAnswer = new LinkedHashMap<>();
        List<Question> questions = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split("\t");
            if (columns.length < 4 || columns[3].isBlank() || columns[2].isBlank()) {
                continue;
            }
            String answer = columns[3].strip();
            long id = articleOfAnswer.computeIfAbsent(answer, a -> (long) articleOfAnswer.size() + 1);
            questions.add(new Question(columns[2].strip(), id));
        }
        List<IndexedArticle> articles = new ArrayList<>();
        articleOfAnswer.forEach((answer, id) -> articles.add(article(id, "", List.of(), answer)));
        Collections.shuffle(questions, new Random(12345));
        int split = questions.size() * 3 / 5;
        return new DataSet("covid", articles, questions.subList(0, split), questions.subList(split,
                questions.size()));
    }

    /** The shipped articles without their usual questions, which become the questions. */
    static DataSet shipped() throws IOException {
        List<IndexedArticle> articles = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("knowledge-base/articles"))) {
            long id = 0;
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                ArticleRequest article = ArticleFile.parse("x", Files.readString(file));
                id++;
                articles.add(article(id, article.title(), List.of(), article.answer()));
                for (String question : article.questions()) {
                    questions.add(new Question(question, id));
                }
            }
        } catch (ArticleFile.FormatException e) {
            throw new IllegalStateException(e);
        }
        return new DataSet("shipped", articles, List.of(), questions);
    }

    private static IndexedArticle article(long id, String title, List<String> questions, String answer) {
        return new IndexedArticle(id, "a-" + id, 1, title, questions, answer, List.of(),
                List.of("13", "1304", "130401"), "HEALTH", "PUBLISHED", false, LocalDate.of(2020, 1, 1), null,
                Instant.EPOCH, List.of());
    }

    /**
     * Chooses the fusion on the training questions: 5-fold cross-validation of the grid (each fold scored with the
     * setting best on the other four, which estimates how well choosing generalises), then the setting best on all
     * of them. The score is MRR@10.
     */
    private static Setting crossValidate(LuceneBackend lucene, List<IndexedArticle> articles, List<Question> train,
            Vectors vectors) {
        List<Setting> grid = new ArrayList<>();
        // the service always asks with bge's query instruction (KnowledgeEncoder), so only that form is a choice
        String fixedSimilarity = System.getProperty("bench.minSimilarity", "");
        List<Float> similarities = fixedSimilarity.isBlank()
                ? List.of(0.3f, 0.4f, 0.5f, 0.6f)
                : List.of(Float.parseFloat(fixedSimilarity));
        for (boolean instruction : List.of(true)) {
            for (float minSimilarity : similarities) {
                for (float weight : List.of(0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f)) {
                    for (int k : List.of(5, 20, 60)) {
                        grid.add(new Setting(Fusion.RRF, weight, k, minSimilarity, instruction));
                    }
                    grid.add(new Setting(Fusion.WEIGHTED, weight, 0, minSimilarity, instruction));
                }
            }
        }
        Map<Boolean, List<Lists>> lists = new HashMap<>();
        for (boolean instruction : List.of(true)) {
            List<float[]> questionVectors = vectors.encode(train.stream()
                    .map(q -> instruction ? SentenceEncoder.QUERY_INSTRUCTION + q.text() : q.text()).toList());
            List<Lists> perQuestion = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                Question question = train.get(i);
                List<Scored> words = lucene.search(new ArticleQuery(question.text(), ALL, 0, CANDIDATES)).hits()
                        .stream().map(h -> new Scored(h.id(), h.score())).toList();
                perQuestion.add(new Lists(words, nearest(articles, questionVectors.get(i)), question.article()));
            }
            lists.put(instruction, perQuestion);
        }
        int[] fold = new int[train.size()];
        Arrays.setAll(fold, i -> i % FOLDS);
        List<Double> estimates = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            int held = f;
            Setting best = best(grid, lists, i -> fold[i] != held);
            estimates.add(mrr(best, lists, i -> fold[i] == held));
        }
        Setting chosen = best(grid, lists, i -> true);
        for (float similarity : similarities) {
            Setting bestThere = best(grid.stream().filter(g -> g.minSimilarity() == similarity).toList(), lists,
                    i -> true);
            System.out.printf(Locale.ROOT, "  best with min similarity %.2f: %s (MRR@10 %.3f)%n", similarity,
                    bestThere, mrr(bestThere, lists, i -> true));
        }
        double mean = estimates.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double spread = Math.sqrt(estimates.stream().mapToDouble(e -> (e - mean) * (e - mean)).sum() / FOLDS);
        System.out.printf(Locale.ROOT, "cross-validation over %d settings: MRR@10 %.3f ± %.3f on held folds%n",
                grid.size(), mean, spread);
        System.out.printf(Locale.ROOT, "chosen on all %,d training questions: %s (MRR@10 %.3f)%n", train.size(),
                chosen, mrr(chosen, lists, i -> true));
        return chosen;
    }

    private static Setting best(List<Setting> grid, Map<Boolean, List<Lists>> lists,
            java.util.function.IntPredicate included) {
        return grid.stream().max(Comparator.comparingDouble(s -> mrr(s, lists, included))).orElseThrow();
    }

    private static double mrr(Setting setting, Map<Boolean, List<Lists>> lists,
            java.util.function.IntPredicate included) {
        List<Lists> perQuestion = lists.get(setting.instruction());
        SearchTuning tuning = setting.tuning();
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < perQuestion.size(); i++) {
            if (included.test(i)) {
                Lists question = perQuestion.get(i);
                List<Scored> fused = HybridRanking.fuse(question.words(), question.vectors(), tuning);
                ranks.add(rank(fused.stream().map(Scored::key).toList(), question.article()));
            }
        }
        return Metrics.of(ranks).reciprocal();
    }

    /** The articles nearest the vector by their best passage, exactly (no graph), best first. */
    private static List<Scored> nearest(List<IndexedArticle> articles, float[] vector) {
        List<Scored> all = new ArrayList<>(articles.size());
        for (IndexedArticle article : articles) {
            float best = -1;
            for (float[] passage : article.vectors()) {
                best = Math.max(best, SentenceEncoder.similarity(vector, passage));
            }
            all.add(new Scored(article.id(), best));
        }
        all.sort(Comparator.comparingDouble(Scored::score).reversed());
        return all.subList(0, Math.min(CANDIDATES, all.size()));
    }

    private static int rank(List<Long> found, long article) {
        return found.indexOf(article);
    }

    /** Words alone, vectors alone and the chosen fusion on one backend; returns the latency row. */
    private static String evaluate(SearchBackend backend, String backendName, String dataSet,
            List<IndexedArticle> articles, List<Question> questions, Setting chosen, Vectors vectors) {
        backend.rebuild(articles.iterator(), n -> {
        });
        List<String> texts = questions.stream()
                .map(q -> chosen.instruction() ? SentenceEncoder.QUERY_INSTRUCTION + q.text() : q.text())
                .toList();
        List<float[]> questionVectors = vectors.encode(texts);
        SearchTuning vectorsAlone = SearchTuning.defaults().withFusion(Fusion.RRF, 1f, 60).withMinSimilarity(-1f);
        Map<String, Function<Integer, SearchResult>> modes = new LinkedHashMap<>();
        modes.put("words", i -> search(backend, new ArticleQuery(questions.get(i).text(), ALL, 0, 10), null));
        modes.put("vectors", i -> search(backend, new ArticleQuery(questions.get(i).text(), questionVectors.get(i),
                ALL, 0, 10), vectorsAlone));
        modes.put("hybrid", i -> search(backend, new ArticleQuery(questions.get(i).text(), questionVectors.get(i),
                ALL, 0, 10), chosen.tuning()));
        long[] searchNanos = new long[questions.size()];
        for (Map.Entry<String, Function<Integer, SearchResult>> mode : modes.entrySet()) {
            List<Integer> ranks = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                long start = System.nanoTime();
                SearchResult result = mode.getValue().apply(i);
                if (mode.getKey().equals("hybrid")) {
                    searchNanos[i] = System.nanoTime() - start;
                }
                ranks.add(rank(result.hits().stream().map(SearchHit::id).toList(), questions.get(i).article()));
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", dataSet, backendName, mode.getKey(),
                    Metrics.of(ranks).row());
        }
        // encoding one question at a time, as a search does
        int sample = Math.min(Integer.getInteger("bench.latencySample", 200), texts.size());
        long[] encodeNanos = new long[sample];
        for (int i = 0; i < sample; i++) {
            long start = System.nanoTime();
            vectors.encoder.encode(texts.get(i));
            encodeNanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(encodeNanos);
        Arrays.sort(searchNanos);
        return String.format(Locale.ROOT, "| %s | %s | %.1f / %.1f ms | %.1f / %.1f ms |", dataSet, backendName,
                Latencies.millis(encodeNanos, 50), Latencies.millis(encodeNanos, 99),
                Latencies.millis(searchNanos, 50), Latencies.millis(searchNanos, 99));
    }

    /**
     * The baseline the issue cites: BM25 (Lucene's defaults) over the single characters of the answers alone, as
     * Lucene's standard analyzer cuts Chinese, no stop words; the question's characters are its terms.
     */
    private static String characterBm25(String dataSet, List<IndexedArticle> articles, List<Question> questions)
            throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                StandardAnalyzer analyzer = new StandardAnalyzer(CharArraySet.EMPTY_SET)) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (IndexedArticle article : articles) {
                    Document document = new Document();
                    document.add(new StoredField("id", article.id()));
                    document.add(new TextField("answer", article.answerText(), Field.Store.NO));
                    writer.addDocument(document);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                QueryBuilder builder = new QueryBuilder(analyzer);
                List<Integer> ranks = new ArrayList<>();
                for (Question question : questions) {
                    Query query = builder.createBooleanQuery("answer", question.text(), BooleanClause.Occur.SHOULD);
                    List<Long> found = new ArrayList<>();
                    if (query != null) {
                        for (ScoreDoc hit : searcher.search(query, 10).scoreDocs) {
                            found.add(searcher.storedFields().document(hit.doc).getField("id").numericValue()
                                    .longValue());
                        }
                    }
                    ranks.add(rank(found, question.article()));
                }
                return String.format(Locale.ROOT, "| %s | BM25 over single characters, answers alone | words | %s |",
                        dataSet, Metrics.of(ranks).row());
            }
        }
    }

    private static SearchResult search(SearchBackend backend, ArticleQuery query, SearchTuning tuning) {
        if (tuning == null) {
            return backend.search(query);
        }
        return backend instanceof LuceneBackend lucene
                ? lucene.search(query, tuning)
                : ((ElasticsearchBackend) backend).search(query, tuning);
    }

    /** Encodes with a cache on disk, keyed by the model and the texts. */
    private static final class Vectors {
        final SentenceEncoder encoder;

        Vectors(SentenceEncoder encoder) {
            this.encoder = encoder;
        }

        List<IndexedArticle> articles(List<IndexedArticle> articles) throws IOException {
            List<String> passages = new ArrayList<>();
            articles.forEach(a -> passages.addAll(a.passages()));
            List<float[]> encoded = encode(passages);
            List<IndexedArticle> withVectors = new ArrayList<>();
            int next = 0;
            for (IndexedArticle article : articles) {
                int count = article.passages().size();
                withVectors.add(article.withVectors(encoded.subList(next, next + count)));
                next += count;
            }
            return withVectors;
        }

        List<float[]> encode(List<String> texts) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                digest.update(SentenceEncoder.MODEL.getBytes(StandardCharsets.UTF_8));
                texts.forEach(t -> digest.update((t + "\u0000").getBytes(StandardCharsets.UTF_8)));
                Path cache = Path.of("target", "relevance-vectors",
                        HexFormat.of().formatHex(digest.digest(), 0, 12) + ".bin");
                if (Files.exists(cache)) {
                    try (DataInputStream in = new DataInputStream(
                            new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
                        List<float[]> vectors = new ArrayList<>(texts.size());
                        for (int i = 0; i < texts.size(); i++) {
                            float[] vector = new float[SentenceEncoder.DIMENSIONS];
                            for (int d = 0; d < vector.length; d++) {
                                vector[d] = in.readFloat();
                            }
                            vectors.add(vector);
                        }
                        return vectors;
                    }
                }
                long start = System.nanoTime();
                List<float[]> vectors = new ArrayList<>(texts.size());
                for (int from = 0; from < texts.size(); from += 256) {
                    vectors.addAll(encoder.encodeAll(texts.subList(from, Math.min(texts.size(), from + 256))));
                    System.out.printf(Locale.ROOT, "  encoding: %,d / %,d texts, %.0f s%n", vectors.size(),
                            texts.size(), (System.nanoTime() - start) / 1e9);
                }
                System.out.printf(Locale.ROOT, "  encoded %,d texts in %.0f s%n", texts.size(),
                        (System.nanoTime() - start) / 1e9);
                Files.createDirectories(cache.getParent());
                try (DataOutputStream out = new DataOutputStream(
                        new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
                    for (float[] vector : vectors) {
                        for (float v : vector) {
                            out.writeFloat(v);
                        }
                    }
                }
                return vectors;
            } catch (IOException | java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
