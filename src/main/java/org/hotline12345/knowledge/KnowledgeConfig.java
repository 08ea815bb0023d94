package org.hotline12345.knowledge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.hotline12345.knowledge.search.ElasticsearchAnalysis;
import org.hotline12345.knowledge.search.HybridRanking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.knowledge")
public interface KnowledgeConfig {

    enum Backend {
        LUCENE, ELASTICSEARCH
    }

    /** The shipped knowledge base: articles/ and dictionary/ (the repository's knowledge-base folder). */
    @WithDefault("knowledge-base")
    Path directory();

    /** Whether to import the shipped articles at start-up when none has been imported into the database yet. */
    @WithDefault("true")
    boolean importOnFirstStart();

    /** Whether start-up imports and synchronises the index; the reindex command turns it off and rebuilds instead. */
    @WithDefault("true")
    boolean syncOnStart();

    /** Where articles are indexed and searched: the embedded Lucene index or an Elasticsearch cluster. */
    @WithDefault("lucene")
    Backend backend();

    /** How often queued index changes are retried and the index is checked against the database. */
    @WithDefault("30s")
    String syncEvery();

    /**
     * How often each instance's embedded index reads the articles changed on any instance (the change log); with
     * Elasticsearch, which instances share, nothing is read.
     */
    @WithDefault("2s")
    String followEvery();

    /** How long the embedded index may go without catching up with the database before health reports it lagging. */
    @WithDefault("PT1M")
    Duration followLagLimit();

    /** How many days before an article's review date or expiry its owner department is reminded. */
    @WithDefault("14")
    int reviewNotice();

    /** When the review reminders are sent (Quartz cron, in the service's zone). */
    @WithDefault("0 0 8 * * ?")
    String reviewReminderCron();

    /** Largest page of search results. */
    @WithDefault("100")
    int maxPageSize();

    /** How many articles are suggested for a work order. */
    @WithDefault("3")
    int workOrderSuggestions();

    Lucene lucene();

    Elasticsearch elasticsearch();

    Search search();

    Semantic semantic();

    /** Semantic search: a sentence encoder's vectors of the articles' passages, beside word matching. */
    interface Semantic {
        /** Whether articles and questions are encoded and searched by meaning as well as by words. */
        @WithDefault("true")
        boolean enabled();

        /** Threads one encoding may use; 1 leaves the other cores to the searches and calls running meanwhile. */
        @WithDefault("1")
        int threads();
    }

    interface Lucene {
        /** Directory of the embedded index; it is rebuilt from the database when missing or outdated. */
        @WithDefault("data/knowledge-index")
        Path directory();
    }

    interface Elasticsearch {
        /** Nodes to connect to, e.g. http://es1:9200. */
        @WithDefault("http://localhost:9200")
        List<String> hosts();

        /** Username of basic authentication, when the cluster requires it. */
        Optional<String> username();

        /** Password of basic authentication (HOTLINE_KNOWLEDGE_ELASTICSEARCH_PASSWORD). */
        Optional<String> password();

        /** Alias the service searches; a rebuild creates a new index behind it and then moves the alias. */
        @WithDefault("hotline-knowledge")
        String index();

        /**
         * {@code auto} uses the IK plugin when the server has it, else the fallback; or force
         * {@code ik}/{@code fallback}.
         */
        @WithDefault("auto")
        ElasticsearchAnalysis.Mode analysis();

        /**
         * Without IK: {@code service} (the service segments with its own IK and dictionary and sends the words) or
         * {@code analyzer} (the server's own components, below).
         */
        @WithDefault("service")
        ElasticsearchAnalysis.Fallback fallback();

        /** Tokenizer of the {@code analyzer} fallback, e.g. {@code standard} or {@code smartcn_tokenizer}. */
        @WithDefault("standard")
        String fallbackTokenizer();

        /**
         * Token filters of the {@code analyzer} fallback; {@code kb_bigrams} turns characters into overlapping pairs.
         */
        @WithDefault("lowercase,kb_bigrams")
        List<String> fallbackFilters();

        /** Replicas of the index. */
        @WithDefault("1")
        int replicas();

        /** Time allowed to open a connection. */
        @WithDefault("PT2S")
        Duration connectTimeout();

        /** Time allowed for an answer. */
        @WithDefault("PT10S")
        Duration socketTimeout();
    }

    /**
     * Weights in a match; both backends use the same. The defaults were chosen by cross-validation (docs/knowledge.md).
     */
    interface Search {
        /** How many times a word in the title, the alternative questions or the tags counts (at least 1). */
        @WithDefault("2")
        float headingBoost();

        /** How many times a word in the answer counts (at least 1). */
        @WithDefault("1")
        float answerBoost();

        /** Weight of the fine-grained parts of compound words against whole words. */
        @WithDefault("0.3")
        float fineWeight();

        /** How word matches and similar vectors are put together: {@code rrf} or {@code weighted}. */
        @WithDefault("weighted")
        HybridRanking.Fusion fusion();

        /** The vectors' share of the fused score, from 0 (words only) to 1 (vectors only). */
        @WithDefault("0.6")
        float vectorWeight();

        /** The constant k of reciprocal rank fusion. */
        @WithDefault("60")
        int rrfK();

        /** Cosine similarity below which a passage does not make its article a candidate. */
        @WithDefault("0.5")
        float minSimilarity();

        /** How many articles words and vectors each propose before they are fused. */
        @WithDefault("50")
        int candidates();
    }
}
