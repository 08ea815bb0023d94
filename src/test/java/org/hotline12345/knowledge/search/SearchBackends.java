package org.hotline12345.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

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

    private static final Map<LuceneBackend, Path> DIRECTORIES = new ConcurrentHashMap<>();

    static LuceneBackend lucene() {
        try {
            Path directory = Files.createTempDirectory("hotline-kb-bench");
            LuceneBackend backend = new LuceneBackend(directory, ANALYSIS, SearchTuning.defaults());
            DIRECTORIES.put(backend, directory);
            return backend;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bytes of the index's vector files: the float vectors, their int8 copies and the HNSW graphs (Lucene's
     * {@code .ve*} files).
     */
    static long vectorBytes(LuceneBackend backend) {
        try (Stream<Path> files = Files.list(DIRECTORIES.get(backend))) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ve[a-z]*")).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
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
