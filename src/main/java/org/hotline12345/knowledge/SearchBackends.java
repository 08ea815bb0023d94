package org.hotline12345.knowledge;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.hotline12345.knowledge.search.ChineseAnalysis;
import org.hotline12345.knowledge.search.ElasticsearchAnalysis;
import org.hotline12345.knowledge.search.ElasticsearchBackend;
import org.hotline12345.knowledge.search.LuceneBackend;
import org.hotline12345.knowledge.search.SearchBackend;
import org.hotline12345.knowledge.search.SearchTuning;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;

/** Builds the configured search backend and the Chinese analysis it shares with the other one. */
public class SearchBackends {

    @Produces
    @ApplicationScoped
    ChineseAnalysis analysis(KnowledgeConfig config) {
        return ChineseAnalysis.load(config.directory().resolve("dictionary"));
    }

    @Produces
    @ApplicationScoped
    SearchBackend backend(KnowledgeConfig config, ChineseAnalysis analysis, Clock clock) {
        KnowledgeConfig.Search search = config.search();
        SearchTuning tuning = new SearchTuning(search.headingBoost(), search.answerBoost(), search.fineWeight(),
                search.fusion(), search.vectorWeight(), search.rrfK(), search.minSimilarity(), search.candidates());
        return switch (config.backend()) {
            case LUCENE -> new LuceneBackend(config.lucene().directory(), analysis, tuning);
            case ELASTICSEARCH -> {
                KnowledgeConfig.Elasticsearch es = config.elasticsearch();
                yield new ElasticsearchBackend(client(es), es.index(), analysis,
                        new ElasticsearchAnalysis(es.analysis(), es.fallback(), es.fallbackTokenizer(),
                                es.fallbackFilters()),
                        tuning, es.replicas(), clock);
            }
        };
    }

    void close(@Disposes SearchBackend backend) {
        backend.close();
    }

    static ElasticsearchClient client(KnowledgeConfig.Elasticsearch config) {
        RestClientBuilder builder = RestClient.builder(config.hosts().stream().map(HttpHost::create)
                .toArray(HttpHost[]::new))
                .setRequestConfigCallback(request -> request
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setSocketTimeout((int) config.socketTimeout().toMillis()));
        if (config.username().isPresent()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(config.username().get(),
                    config.password().orElse("")));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        return new ElasticsearchClient(new RestClientTransport(builder.build(), new JacksonJsonpMapper()));
    }
}
