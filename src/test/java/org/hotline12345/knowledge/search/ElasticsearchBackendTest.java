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

/** The same contract on a real Elasticsearch node (the integ-test distribution, which has no IK plugin). */
class ElasticsearchBackendTest extends SearchBackendContract {

    private static final AtomicInteger ALIASES = new AtomicInteger();
    private static final ElasticsearchAnalysis AUTO = new ElasticsearchAnalysis(ElasticsearchAnalysis.Mode.AUTO,
            "standard", List.of("lowercase", "kb_bigrams"));

    static ElasticsearchClient client(String url) {
        return new ElasticsearchClient(new RestClientTransport(RestClient.builder(HttpHost.create(url)).build(),
                new JacksonJsonpMapper()));
    }

    @Override
    SearchBackend newBackend() {
        return new ElasticsearchBackend(client(ElasticsearchNode.sharedUrl()),
                "kb-test-" + ALIASES.incrementAndGet(), ANALYSIS, AUTO, SearchTuning.defaults(), 0,
                Clock.systemUTC());
    }

    @Test
    void withoutTheIkPluginTheConfiguredFallbackIsUsed() {
        ElasticsearchBackend es = (ElasticsearchBackend) backend;
        assertThat(es.usesIk()).isFalse();
        assertThat(es.indexDefinition(false)).contains("\"tokenizer\":\"standard\"").contains("kb_bigrams")
                .doesNotContain("ik_max_word");
    }

    @Test
    void withIkTheIndexAnalysesWithIkMaxWordAndQueriesWithIkSmart() {
        try (ElasticsearchBackend ik = new ElasticsearchBackend(client(ElasticsearchNode.sharedUrl()), "kb-ik",
                ANALYSIS, new ElasticsearchAnalysis(ElasticsearchAnalysis.Mode.IK, "standard", List.of()),
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
