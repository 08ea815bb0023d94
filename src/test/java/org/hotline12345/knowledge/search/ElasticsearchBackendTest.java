package org.hotline12345.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.hotline12345.support.ElasticsearchNode;
import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;

/**
 * The same contract on a real Elasticsearch node. The integ-test distribution has no IK plugin, so this runs the
 * service-side analysis that {@code auto} falls back to; {@link ElasticsearchAnalyzerFallbackTest} runs the server's
 * own bigram analysis.
 */
class ElasticsearchBackendTest extends SearchBackendContract {

    private static final AtomicInteger ALIASES = new AtomicInteger();
    static final ElasticsearchAnalysis AUTO = new ElasticsearchAnalysis(ElasticsearchAnalysis.Mode.AUTO,
            ElasticsearchAnalysis.Fallback.SERVICE, "standard", List.of("lowercase", "kb_bigrams"));

    static ElasticsearchClient client(String url) {
        return new ElasticsearchClient(new RestClientTransport(RestClient.builder(HttpHost.create(url)).build(),
                new JacksonJsonpMapper()));
    }

    /** The analysis under test. */
    ElasticsearchAnalysis analysis() {
        return AUTO;
    }

    @Override
    SearchBackend newBackend() {
        return new ElasticsearchBackend(client(ElasticsearchNode.sharedUrl()),
                "kb-test-" + ALIASES.incrementAndGet(), ANALYSIS, analysis(), SearchTuning.defaults(), 0,
                Clock.systemUTC());
    }

    @Test
    void withoutTheIkPluginTheServiceSegmentsTheText() {
        ElasticsearchBackend es = (ElasticsearchBackend) backend;
        assertThat(es.kind()).isEqualTo(ElasticsearchAnalysis.Kind.SERVICE);
        assertThat(es.indexDefinition(false)).contains("\"kb_words\"").doesNotContain("ik_max_word");
        assertThat(ElasticsearchBackend.encode("社保")).isEqualTo("ke7a4bee4bf9d");
    }

    @Test
    void withIkTheIndexAnalysesWithIkMaxWordAndQueriesWithIkSmart() {
        try (ElasticsearchBackend ik = new ElasticsearchBackend(client(ElasticsearchNode.sharedUrl()), "kb-ik",
                ANALYSIS, new ElasticsearchAnalysis(ElasticsearchAnalysis.Mode.IK,
                        ElasticsearchAnalysis.Fallback.SERVICE, "standard", List.of()),
                SearchTuning.defaults(), 0, Clock.systemUTC())) {
            String definition = ik.indexDefinition(false);
            assertThat(definition).contains("\"kb_index\":{\"type\":\"custom\",\"tokenizer\":\"ik_max_word\"")
                    .contains("\"kb_search\":{\"type\":\"custom\",\"tokenizer\":\"ik_smart\"");
            // this node has no IK plugin, so it refuses such an index: the forced mode fails loudly
            assertThatThrownBy(() -> ik.rebuild(List.<IndexedArticle> of().iterator(), n -> {
            })).hasMessageContaining("ik_");
        }
    }

    @Test
    void anUnreachableClusterIsReportedAsUnavailable() {
        try (ElasticsearchBackend down = new ElasticsearchBackend(client("http://127.0.0.1:9"), "kb-down", ANALYSIS,
                AUTO, SearchTuning.defaults(), 0, Clock.systemUTC())) {
            assertThatThrownBy(() -> down.search(new ArticleQuery("社保", AGENTS, 0, 10)))
                    .isInstanceOf(SearchUnavailableException.class);
            assertThatThrownBy(() -> down.upsert(List.of(PENSION))).isInstanceOf(SearchUnavailableException.class);
        }
    }
}
