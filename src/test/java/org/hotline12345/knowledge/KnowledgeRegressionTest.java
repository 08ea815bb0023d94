package org.hotline12345.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.as;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.hotline12345.support.DatabaseTest;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The regression set: queries as agents type them while a caller talks, each with the shipped article that must be
 * among the first three results. Runs on the embedded backend here and on Elasticsearch in the subclass.
 */
@QuarkusTest
class KnowledgeRegressionTest extends DatabaseTest {

    private static final Logger LOG = Logger.getLogger(KnowledgeRegressionTest.class);

    record Case(String query, String slug) {
    }

    static List<Case> cases() throws IOException {
        try (InputStream in = KnowledgeRegressionTest.class.getResourceAsStream("/knowledge/regression-queries.tsv")) {
            List<Case> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] columns = line.split("\t");
                if (columns.length == 2 && !line.startsWith("query\t") && !line.startsWith("#")) {
                    cases.add(new Case(columns[0].strip(), columns[1].strip()));
                }
            }
            return cases;
        }
    }

    @Test
    void everyQueryFindsItsArticleAmongTheFirstThree() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        List<String> misses = new ArrayList<>();
        int first = 0;
        for (Case c : cases) {
            List<String> top = as("agent").queryParam("q", c.query()).queryParam("size", 3)
                    .get("/api/knowledge/articles").then().statusCode(200).extract().path("items.slug");
            if (!top.isEmpty() && top.get(0).equals(c.slug())) {
                first++;
            }
            if (!top.contains(c.slug())) {
                misses.add(c.query() + " → expected " + c.slug() + ", got " + top);
            }
        }
        LOG.infof("Regression set: %d queries, recall@1 %.3f, recall@3 %.3f", cases.size(),
                first / (double) cases.size(), (cases.size() - misses.size()) / (double) cases.size());
        assertThat(misses).as("queries whose article is not in the top 3").isEmpty();
    }
}
