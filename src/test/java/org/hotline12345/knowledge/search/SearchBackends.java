package org.hotline12345.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.hotline12345.support.ElasticsearchNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;

/** Both backends as the service builds them, for evaluations and benchmarks that compare them on the same data. */
final class SearchBackends {

    static final ChineseAnalysis ANALYSIS = ChineseAnalysis.load(Path.of("knowledge-base/dictionary"));

    private SearchBackends() {
    }

    static LuceneBackend lucene() {
        try {
            return new LuceneBackend(Files.createTempDirectory("hotline-kb-bench"), ANALYSIS, SearchTuning.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On a node started for the run: the integ-test distribution has no IK plugin, so the service segments. */
    static ElasticsearchBackend elasticsearch(String alias) {
        ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(
                RestClient.builder(HttpHost.create(ElasticsearchNode.sharedUrl()))
                        .setRequestConfigCallback(c -> c.setSocketTimeout(120_000)).build(),
                new JacksonJsonpMapper()));
        return new ElasticsearchBackend(client, alias, ANALYSIS,
                ElasticsearchBackendTest.AUTO,
                SearchTuning.defaults(), 0, Clock.systemUTC());
    }
}
