package org.hotline12345.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Runs the knowledge base on the real Elasticsearch node of the test run. */
public class ElasticsearchResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String url = ElasticsearchNode.sharedUrl();
        return Map.of(
                "hotline.knowledge.backend", "elasticsearch",
                "hotline.knowledge.elasticsearch.hosts", url,
                "hotline.knowledge.elasticsearch.replicas", "0");
    }

    @Override
    public void stop() {
        // the node is shared by the run and stops with it
    }
}
