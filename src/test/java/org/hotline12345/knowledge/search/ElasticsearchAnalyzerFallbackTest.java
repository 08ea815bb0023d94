package org.hotline12345.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The contract with the server's own analysis: the standard tokenizer's characters joined into overlapping pairs. */
class ElasticsearchAnalyzerFallbackTest extends ElasticsearchBackendTest {

    @Override
    ElasticsearchAnalysis analysis() {
        return new ElasticsearchAnalysis(ElasticsearchAnalysis.Mode.FALLBACK, ElasticsearchAnalysis.Fallback.ANALYZER,
                "standard", List.of("lowercase", "kb_bigrams"));
    }

    @Override
    boolean segmentsIntoWords() {
        return false;
    }

    @Override
    @Test
    void withoutTheIkPluginTheServiceSegmentsTheText() {
        ElasticsearchBackend es = (ElasticsearchBackend) backend;
        assertThat(es.kind()).isEqualTo(ElasticsearchAnalysis.Kind.ANALYZER);
        assertThat(es.indexDefinition(false)).contains("\"tokenizer\":\"standard\"").contains("kb_bigrams")
                .doesNotContain("kb_words");
    }
}
