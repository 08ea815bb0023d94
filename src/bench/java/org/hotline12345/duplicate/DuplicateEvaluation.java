package org.hotline12345.duplicate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleBiFunction;

/**
 * Precision and recall of the duplicate suggestion's text criterion on hand-labelled pairs of citizen message titles.
 * Not a test: run it with the command in docs/performance.md.
 * <p>
 * The pairs ({@code src/bench/resources/duplicate/near-duplicates.tsv}) name lines of
 * {@code ../shared/datasets/citizen-messages/titles-train.tsv}; a pair is suggested when its similarity reaches the
 * threshold. The service compares only work orders at the same place and in the same category, so these pairs, most
 * of which share words, stand for what it compares; the phone and enterprise criteria are exact and not measured here.
 * Prints precision, recall and F1 of the bigram cosine (what the service uses) and of the bigram Jaccard at each
 * threshold, and the time to compare one request with 200 candidates.
 */
public final class DuplicateEvaluation {

    private static final Path TITLES = Path.of("../shared/datasets/citizen-messages/titles-train.tsv");
    private static final Path PAIRS = Path.of("src/bench/resources/duplicate/near-duplicates.tsv");
    private static final double DEFAULT_THRESHOLD = 0.4;

    private record Pair(String first, String second, boolean same) {
    }

    private DuplicateEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        if (!Files.exists(TITLES)) {
            System.out.println("skipped: " + TITLES + " is absent");
            return;
        }
        List<String> lines = Files.readAllLines(TITLES, StandardCharsets.UTF_8);
        List<Pair> pairs = new ArrayList<>();
        for (String row : Files.readAllLines(PAIRS, StandardCharsets.UTF_8)) {
            if (row.startsWith("#") || row.startsWith("first_line")) {
                continue;
            }
            String[] cells = row.split("\t");
            pairs.add(new Pair(title(lines, cells[0]), title(lines, cells[1]), "1".equals(cells[2])));
        }
        long same = pairs.stream().filter(Pair::same).count();
        System.out.printf(Locale.ROOT, "%d labelled pairs, %d near-duplicates, %d not%n%n", pairs.size(), same,
                pairs.size() - same);
        System.out.println(
                "| threshold | cosine precision | cosine recall | cosine F1 | Jaccard precision | Jaccard recall "
                        + "| Jaccard F1 |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int step = 2; step <= 7; step++) {
            double threshold = step / 10.0;
            double[] cosine = measure(pairs, TextSimilarity::cosine, threshold);
            double[] jaccard = measure(pairs, TextSimilarity::jaccard, threshold / 2);
            System.out.printf(Locale.ROOT, "| %.1f (Jaccard %.2f) | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                    threshold, threshold / 2, cosine[0], cosine[1], cosine[2], jaccard[0], jaccard[1], jaccard[2]);
        }
        double[] chosen = measure(pairs, TextSimilarity::cosine, DEFAULT_THRESHOLD);
        System.out.printf(Locale.ROOT, "%nDefault (hotline.duplicate.similarity=%.2f): precision %.3f, recall %.3f, "
                + "F1 %.3f%n", DEFAULT_THRESHOLD, chosen[0], chosen[1], chosen[2]);
        timing(pairs);
    }

    private static String title(List<String> lines, String line) {
        return lines.get(Integer.parseInt(line.strip()) - 1).split("\t")[0];
    }

    /** Precision, recall and F1 of suggesting the pairs whose similarity reaches {@code threshold}. */
    private static double[] measure(List<Pair> pairs, ToDoubleBiFunction<String, String> similarity,
            double threshold) {
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        for (Pair pair : pairs) {
            boolean suggested = similarity.applyAsDouble(pair.first(), pair.second()) >= threshold;
            if (suggested && pair.same()) {
                truePositives++;
            } else if (suggested) {
                falsePositives++;
            } else if (pair.same()) {
                falseNegatives++;
            }
        }
        double precision = truePositives + falsePositives == 0
                ? 1
                : (double) truePositives / (truePositives + falsePositives);
        double recall = (double) truePositives / (truePositives + falseNegatives);
        return new double[]{precision, recall, 2 * precision * recall / (precision + recall)};
    }

    /** One typed request (a long text) against 200 candidates of about the same length, as the service compares. */
    private static void timing(List<Pair> pairs) {
        StringBuilder text = new StringBuilder();
        pairs.stream().limit(10).forEach(pair -> text.append(pair.first()).append(pair.second()));
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Pair pair = pairs.get(i % pairs.size());
            candidates.add(pair.first() + pair.second() + pairs.get((i + 7) % pairs.size()).first());
        }
        int rounds = 2000;
        double sink = 0;
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            var typed = TextSimilarity.bigrams(text.toString());
            for (String candidate : candidates) {
                sink += TextSimilarity.cosine(typed, TextSimilarity.bigrams(candidate));
            }
        }
        double micros = (System.nanoTime() - start) / 1000.0 / rounds;
        System.out.printf(Locale.ROOT,
                "%nOne request of %d characters against 200 candidates: %.0f µs (checksum %.1f)%n",
                text.length(), micros, sink);
    }
}
