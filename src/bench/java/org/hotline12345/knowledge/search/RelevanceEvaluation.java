package org.hotline12345.knowledge.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Relevance on public data, both backends side by side. Not a test: run it with the command in docs/performance.md.
 * <p>
 * Indexes the distinct answers of {@code ../shared/datasets/policy-qa/covid-policy-qa.tsv} as articles (the answer is
 * the article's text; it has no title or questions), asks each question, and prints Recall@1, Recall@3 and MRR (over
 * the first ten results) for the embedded Lucene backend and Elasticsearch.
 */
public final class RelevanceEvaluation {

    private record Question(String text, long article) {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of("../shared/datasets/policy-qa/covid-policy-qa.tsv");
        if (!Files.exists(file)) {
            System.out.println("skipped: " + file + " is absent");
            return;
        }
        Map<String, Long> articleOfAnswer = new LinkedHashMap<>();
        List<Question> questions = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8).subList(1, Files.readAllLines(file,
                StandardCharsets.UTF_8).size())) {
            String[] columns = line.split("\t");
            if (columns.length < 4 || columns[3].isBlank() || columns[2].isBlank()) {
                continue;
            }
            String answer = columns[3].strip();
            long id = articleOfAnswer.computeIfAbsent(answer, a -> (long) articleOfAnswer.size() + 1);
            questions.add(new Question(columns[2].strip(), id));
        }
        List<IndexedArticle> articles = new ArrayList<>();
        articleOfAnswer.forEach((answer, id) -> articles.add(new IndexedArticle(id, "qa-" + id, 1, "", List.of(),
                answer, List.of(), List.of("13", "1304", "130401"), "HEALTH", "PUBLISHED", false,
                LocalDate.of(2020, 1, 1), null, Instant.EPOCH, List.of())));
        System.out.printf(Locale.ROOT, "covid-policy-qa: %,d questions over %,d distinct answers%n%n",
                questions.size(), articles.size());
        System.out.println("| backend | Recall@1 | Recall@3 | MRR@10 |");
        System.out.println("|---|---|---|---|");
        try (SearchBackend lucene = SearchBackends.lucene()) {
            evaluate(lucene, "embedded Lucene (IK)", articles, questions);
        }
        try (SearchBackend elasticsearch = SearchBackends.elasticsearch("relevance-eval")) {
            evaluate(elasticsearch, "Elasticsearch 8.19 (no IK plugin: the service segments)", articles, questions);
        }
    }

    private static void evaluate(SearchBackend backend, String name, List<IndexedArticle> articles,
            List<Question> questions) {
        backend.rebuild(articles.iterator(), n -> {
        });
        ArticleFilter all = ArticleFilter.agentVisible(LocalDate.of(2026, 11, 24));
        int atOne = 0;
        int atThree = 0;
        double reciprocal = 0;
        for (Question question : questions) {
            List<SearchHit> hits = backend.search(new ArticleQuery(question.text(), all, 0, 10)).hits();
            for (int rank = 0; rank < hits.size(); rank++) {
                if (hits.get(rank).id() == question.article()) {
                    atOne += rank == 0 ? 1 : 0;
                    atThree += rank < 3 ? 1 : 0;
                    reciprocal += 1.0 / (rank + 1);
                    break;
                }
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", name, atOne / (double) questions.size(),
                atThree / (double) questions.size(), reciprocal / questions.size());
    }
}
