package org.hotline12345.knowledge.search;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import co.elastic.clients.json.JsonData;

/**
 * The clustered backend: an Elasticsearch index behind an alias. A rebuild fills a new index and then moves the alias
 * in one step, so searches never see a partial index; writes wait for the refresh, so an editor finds a saved article
 * at once. The same {@link ChineseAnalysis} decides the synonyms of a query on the service's side, so that the
 * synonym list applies on every server and changes without a reindex.
 */
public final class ElasticsearchBackend implements SearchBackend {

    private static final Logger LOG = Logger.getLogger(ElasticsearchBackend.class);
    private static final int BULK_SIZE = 1000;
    private static final DateTimeFormatter INDEX_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields a hit does not show, left out of the response. */
    private static final List<String> UNSHOWN = List.of("answer", "questions", "tags", "tag", "category", "heading",
            "body", "passages");
    private static final String VECTOR = "passages.vector";

    private final ElasticsearchClient client;
    private final String alias;
    private final ChineseAnalysis analysis;
    private final ElasticsearchAnalysis esAnalysis;
    private final SearchTuning tuning;
    private final int replicas;
    private final Clock clock;
    /** Decided on first use, so that the service starts while Elasticsearch is still down. */
    private volatile ElasticsearchAnalysis.Kind kind;

    public ElasticsearchBackend(ElasticsearchClient client, String alias, ChineseAnalysis analysis,
            ElasticsearchAnalysis esAnalysis, SearchTuning tuning, int replicas, Clock clock) {
        this.client = client;
        this.alias = alias;
        this.analysis = analysis;
        this.esAnalysis = esAnalysis;
        this.tuning = tuning;
        this.replicas = replicas;
        this.clock = clock;
    }

    /** The analysis of the index: as configured, or, in {@code AUTO} mode, IK when the server has the plugin. */
    public ElasticsearchAnalysis.Kind kind() {
        ElasticsearchAnalysis.Kind decided = kind;
        if (decided == null) {
            decided = esAnalysis.kind(esAnalysis.mode() == ElasticsearchAnalysis.Mode.AUTO && hasIk(client));
            kind = decided;
        }
        return decided;
    }

    private String fingerprint() {
        return LuceneBackend.SCHEMA + "/" + analysis.fingerprint() + "/" + esAnalysis.describe(kind());
    }

    /** Whether the server has the IK plugin's tokenizers. */
    public static boolean hasIk(ElasticsearchClient client) {
        try {
            client.indices().analyze(a -> a.tokenizer(t -> t.name("ik_smart")).text("一件事一次办"));
            return true;
        } catch (ElasticsearchException e) {
            return false;
        } catch (IOException e) {
            throw unavailable("cannot ask Elasticsearch for its analysis plugins", e);
        }
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    @Override
    public void upsert(List<IndexedArticle> articles) {
        if (articles.isEmpty()) {
            return;
        }
        bulk(alias, articles, true);
    }

    @Override
    public void delete(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        BulkRequest.Builder request = new BulkRequest.Builder().index(alias).refresh(Refresh.WaitFor)
                .requireAlias(true);
        for (Long id : ids) {
            request.operations(op -> op.delete(d -> d.id(id.toString())));
        }
        BulkResponse response = call(() -> client.bulk(request.build()));
        // deleting what is not there is fine: the article was never indexed
        response.items().stream().filter(item -> item.error() != null && item.status() != 404).findFirst()
                .ifPresent(item -> {
                    throw new SearchUnavailableException("Elasticsearch refused a delete: " + item.error().reason(),
                            null);
                });
    }

    @Override
    public void rebuild(Iterator<IndexedArticle> articles, LongConsumer progress) {
        String index = alias + "-" + INDEX_SUFFIX.format(Instant.now(clock));
        call(() -> client.indices().create(c -> c.index(index).withJson(new StringReader(indexDefinition(true)))));
        try {
            long indexed = 0;
            List<IndexedArticle> batch = new ArrayList<>(BULK_SIZE);
            while (articles.hasNext()) {
                batch.add(articles.next());
                if (batch.size() == BULK_SIZE) {
                    bulk(index, batch, false);
                    indexed += batch.size();
                    batch.clear();
                    progress.accept(indexed);
                }
            }
            if (!batch.isEmpty()) {
                bulk(index, batch, false);
                indexed += batch.size();
            }
            call(() -> client.indices().putSettings(s -> s.index(index)
                    .settings(i -> i.refreshInterval(t -> t.time("1s")).numberOfReplicas(Integer.toString(replicas)))));
            call(() -> client.indices().refresh(r -> r.index(index)));
            List<String> previous = aliasedIndexes();
            call(() -> client.indices().updateAliases(u -> {
                u.actions(a -> a.add(add -> add.index(index).alias(alias)));
                previous.forEach(old -> u.actions(a -> a.remove(remove -> remove.index(old).alias(alias))));
                return u;
            }));
            progress.accept(indexed);
            for (String old : previous) {
                call(() -> client.indices().delete(d -> d.index(old)));
            }
        } catch (RuntimeException e) {
            try {
                client.indices().delete(d -> d.index(index));
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    @Override
    public boolean needsRebuild() {
        List<String> indexes = aliasedIndexes();
        if (indexes.size() != 1) {
            return true;
        }
        String index = indexes.get(0);
        var mapping = call(() -> client.indices().getMapping(m -> m.index(index))).result().get(index);
        JsonData stored = mapping == null ? null : mapping.mappings().meta().get("fingerprint");
        return stored == null || !fingerprint().equals(stored.to(String.class));
    }

    @Override
    public long count() {
        if (aliasedIndexes().isEmpty()) {
            return 0;
        }
        return call(() -> client.count(c -> c.index(alias))).count();
    }

    @Override
    public SearchResult search(ArticleQuery query) {
        return search(query, tuning);
    }

    /** A search whose words and vectors are fused as {@code fusion} says: the evaluation compares tunings this way. */
    SearchResult search(ArticleQuery query, SearchTuning fusion) {
        if (query.hybrid()) {
            return hybrid(query, fusion);
        }
        SearchRequest.Builder request = new SearchRequest.Builder().index(alias)
                .from(query.page() * query.size()).size(query.size())
                .trackTotalHits(t -> t.count(EXACT_TOTAL_UP_TO))
                .source(s -> s.filter(f -> f.excludes(UNSHOWN)));
        Query filter = filter(query.filter());
        if (query.hasText()) {
            request.query(q -> q.bool(b -> b.must(textQuery(query.text())).filter(filter)));
        } else {
            request.query(q -> q.bool(b -> b.filter(filter)))
                    .sort(s -> s.field(f -> f.field("updated").order(SortOrder.Desc)));
        }
        highlight(request, query.text());
        SearchResponse<Source> response = call(() -> client.search(request.build(), Source.class));
        var total = response.hits().total();
        return new SearchResult(hits(response),
                total == null ? response.hits().hits().size() : total.value(),
                total == null || total.relation() == TotalHitsRelation.Eq);
    }

    /**
     * As {@link LuceneBackend}: the best candidates by words and by vectors (kNN over the nested passages, an article
     * by its best one), fused by {@link HybridRanking} in the service, then the page fetched with its highlights.
     */
    private SearchResult hybrid(ArticleQuery query, SearchTuning fusion) {
        int candidates = Math.max(fusion.candidates(), (query.page() + 1) * query.size());
        Query filter = filter(query.filter());
        SearchResponse<Source> words = call(() -> client.search(s -> s.index(alias).size(candidates)
                .trackTotalHits(t -> t.count(EXACT_TOTAL_UP_TO))
                .query(q -> q.bool(b -> b.must(textQuery(query.text())).filter(filter)))
                .source(src -> src.filter(f -> f.includes("id"))), Source.class));
        List<Float> vector = new ArrayList<>(query.vector().length);
        for (float v : query.vector()) {
            vector.add(v);
        }
        SearchResponse<Source> nearest = call(() -> client.search(s -> s.index(alias).size(candidates)
                .knn(k -> k.field(VECTOR).queryVector(vector).k(candidates)
                        .numCandidates(Math.max(candidates, LuceneBackend.KNN_CANDIDATES)).filter(filter))
                .source(src -> src.filter(f -> f.includes("id"))), Source.class));
        List<HybridRanking.Scored> byWords = words.hits().hits().stream()
                .map(h -> new HybridRanking.Scored(h.source().id(), score(h))).toList();
        // dot_product scores (1 + cosine) / 2
        List<HybridRanking.Scored> byVectors = nearest.hits().hits().stream()
                .map(h -> new HybridRanking.Scored(h.source().id(), 2 * score(h) - 1)).toList();
        List<HybridRanking.Scored> fused = HybridRanking.fuse(byWords, byVectors, fusion);
        List<HybridRanking.Scored> page = fused.stream().skip((long) query.page() * query.size())
                .limit(query.size()).toList();
        var total = words.hits().total();
        long wordMatches = total == null ? byWords.size() : total.value();
        boolean exact = total != null && total.relation() == TotalHitsRelation.Eq && wordMatches < candidates;
        if (page.isEmpty()) {
            return new SearchResult(List.of(), Math.max(fused.size(), wordMatches), exact);
        }
        SearchRequest.Builder fetch = new SearchRequest.Builder().index(alias).size(page.size())
                .query(q -> q.ids(i -> i.values(page.stream().map(p -> Long.toString(p.key())).toList())))
                .source(s -> s.filter(f -> f.excludes(UNSHOWN)));
        highlight(fetch, query.text());
        Map<Long, SearchHit> fetched = new HashMap<>();
        hits(call(() -> client.search(fetch.build(), Source.class))).forEach(hit -> fetched.put(hit.id(), hit));
        List<SearchHit> hits = page.stream().filter(p -> fetched.containsKey(p.key()))
                .map(p -> withScore(fetched.get(p.key()), p.score())).toList();
        return new SearchResult(hits, Math.max(fused.size(), wordMatches), exact);
    }

    private static float score(Hit<Source> hit) {
        return hit.score() == null ? 0f : hit.score().floatValue();
    }

    private static SearchHit withScore(SearchHit hit, float score) {
        return new SearchHit(hit.id(), hit.slug(), hit.title(), hit.titleHighlight(), hit.snippet(),
                hit.categoryCode(), hit.departmentCode(), hit.status(), hit.effectiveFrom(), hit.expiresOn(), score);
    }

    @Override
    public List<Suggestion> autocomplete(String typed, ArticleFilter filter, int limit) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        Query query = Query.of(q -> q.bool(b -> b
                .should(s -> s.matchPhrasePrefix(m -> m.field("title.chars").query(typed).boost(2f)))
                .should(s -> s.matchPhrasePrefix(m -> m.field("questions.chars").query(typed)))
                .minimumShouldMatch("1")
                .filter(filter(filter))));
        SearchResponse<Source> response = call(() -> client.search(s -> s.index(alias).query(query)
                .size(Autocomplete.CANDIDATES)
                .source(src -> src.filter(f -> f.includes("id", "slug", "title", "questions"))), Source.class));
        List<Autocomplete.Candidate> candidates = response.hits().hits().stream()
                .map(Hit::source)
                .map(s -> new Autocomplete.Candidate(s.id(), s.slug(), s.title(),
                        s.questions() == null ? List.of() : s.questions()))
                .toList();
        return Autocomplete.rank(typed, candidates, limit);
    }

    @Override
    public List<SearchHit> moreLikeThis(String emphasis, String text, ArticleFilter filter, Long excludeId, int size) {
        BoolQuery.Builder like = new BoolQuery.Builder();
        if (emphasis != null && !emphasis.isBlank()) {
            like.should(s -> s.bool(b -> b.must(textQuery(emphasis)).boost(2f)));
        }
        boolean service = kind() == ElasticsearchAnalysis.Kind.SERVICE;
        String likeText = service
                ? String.join(" ", analysis.queryTerms(text).stream()
                        .filter(word -> word.length() >= 2).map(ElasticsearchBackend::encode).toList())
                : text;
        like.should(s -> s.moreLikeThis(m -> m.fields("heading", "body")
                .like(l -> l.text(likeText))
                .analyzer(service ? "kb_words" : "kb_search")
                .minTermFreq(1).minDocFreq(1).minWordLength(2).maxQueryTerms(25)));
        BoolQuery.Builder query = new BoolQuery.Builder().must(m -> m.bool(like.build())).filter(filter(filter));
        if (excludeId != null) {
            query.mustNot(n -> n.ids(i -> i.values(excludeId.toString())));
        }
        SearchRequest.Builder request = new SearchRequest.Builder().index(alias).size(size)
                .query(q -> q.bool(query.build()))
                .source(s -> s.filter(f -> f.excludes(UNSHOWN)));
        highlight(request, emphasis);
        return hits(call(() -> client.search(request.build(), Source.class)));
    }

    @Override
    public void close() {
        try {
            client._transport().close();
        } catch (IOException e) {
            LOG.debug("closing the Elasticsearch client failed", e);
        }
    }

    /**
     * Mirrors {@link LuceneBackend#textQuery}: the words the service's own analysis finds in the text (stop words
     * gone), heading and body scored as one field ({@code combined_fields}, BM25F) with a heading word counting more,
     * a word with synonyms as the best of its forms, and (with IK, on the server or in the service) the fine-grained
     * words at a lower weight. Unlike the embedded index it keeps every word of a long text: the document frequencies
     * that pick the most specific ones are not at hand here.
     */
    private Query textQuery(String text) {
        List<ChineseAnalysis.QueryWord> words = analysis.queryWords(text);
        if (words.isEmpty()) {
            return Query.of(q -> q.matchNone(n -> n));
        }
        BoolQuery.Builder query = new BoolQuery.Builder();
        List<String> plain = words.stream().filter(w -> w.alternatives().isEmpty())
                .map(ChineseAnalysis.QueryWord::word).toList();
        if (!plain.isEmpty()) {
            query.should(acrossFields(plain, 1f));
        }
        for (ChineseAnalysis.QueryWord word : words) {
            if (!word.alternatives().isEmpty()) {
                List<Query> forms = new ArrayList<>();
                forms.add(acrossFields(List.of(word.word()), 1f));
                word.alternatives().forEach(alternative -> forms.add(acrossFields(List.of(alternative), 1f)));
                query.should(s -> s.disMax(d -> d.queries(forms).tieBreaker(0.0)));
            }
        }
        List<String> parts = analysis.fineTerms(text).stream().filter(w -> words.stream()
                .noneMatch(q -> q.word().equals(w))).toList();
        if (!parts.isEmpty() && kind() != ElasticsearchAnalysis.Kind.ANALYZER) {
            query.should(acrossFields(parts, tuning.fineWeight()));
        }
        return Query.of(q -> q.bool(query.build()));
    }

    /**
     * The words against heading and body as one field; with the service's analysis each word goes as its encoded
     * token.
     */
    private Query acrossFields(List<String> words, float boost) {
        boolean service = kind() == ElasticsearchAnalysis.Kind.SERVICE;
        String text = String.join(" ", service ? words.stream().map(ElasticsearchBackend::encode).toList() : words);
        return Query.of(q -> q.combinedFields(m -> m.query(text)
                .fields("heading^" + tuning.headingBoost(), "body^" + tuning.answerBoost())
                .boost(boost)));
    }

    /**
     * A word as one token of Latin letters and digits, which every tokenizer keeps whole: {@code k} and the
     * hexadecimal UTF-8 bytes.
     */
    static String encode(String word) {
        return "k" + HexFormat.of().formatHex(word.getBytes(StandardCharsets.UTF_8));
    }

    private String encodedTokens(String text) {
        return String.join(" ", analysis.indexTokens(text).stream().map(ElasticsearchBackend::encode).toList());
    }

    private static Query filter(ArticleFilter filter) {
        BoolQuery.Builder all = new BoolQuery.Builder();
        if (!filter.statuses().isEmpty()) {
            all.filter(f -> f.terms(t -> t.field("status")
                    .terms(v -> v.value(filter.statuses().stream().map(FieldValue::of).toList()))));
        }
        if (filter.validOn() != null) {
            String day = filter.validOn().toString();
            all.filter(f -> f.range(r -> r.date(d -> d.field("effective").lte(day))));
            all.filter(f -> f.bool(b -> b
                    .should(s -> s.range(r -> r.date(d -> d.field("expires").gt(day))))
                    .should(s -> s.bool(none -> none.mustNot(n -> n.exists(e -> e.field("expires")))))));
        }
        if (filter.categoryCode() != null) {
            all.filter(f -> f.term(t -> t.field("category").value(filter.categoryCode())));
        }
        if (filter.departmentCode() != null) {
            all.filter(f -> f.term(t -> t.field("department").value(filter.departmentCode())));
        }
        if (filter.tag() != null) {
            all.filter(f -> f.term(t -> t.field("tag").value(filter.tag().toLowerCase(Locale.ROOT))));
        }
        if (filter.publicOnly()) {
            all.filter(f -> f.term(t -> t.field("public").value(true)));
        }
        return Query.of(q -> q.bool(all.build()));
    }

    /**
     * Highlights the words of {@code text} in the title and in the best passages of the answer, whatever fields the
     * search itself used.
     */
    private void highlight(SearchRequest.Builder request, String text) {
        List<String> words = text == null ? List.of() : analysis.queryTerms(text);
        request.highlight(h -> {
            h.preTags("<em>").postTags("</em>").encoder(HighlighterEncoder.Html)
                    .fields("title", f -> f.numberOfFragments(0).noMatchSize(200))
                    .fields("answer", f -> f.fragmentSize(80).numberOfFragments(2).noMatchSize(120));
            if (!words.isEmpty()) {
                h.highlightQuery(q -> q.multiMatch(m -> m.query(String.join(" ", words)).fields("title", "answer")));
            }
            return h;
        });
    }

    private static List<SearchHit> hits(SearchResponse<Source> response) {
        List<SearchHit> hits = new ArrayList<>();
        for (Hit<Source> hit : response.hits().hits()) {
            Source source = hit.source();
            Map<String, List<String>> highlight = hit.highlight();
            hits.add(new SearchHit(source.id(), source.slug(), source.title(),
                    first(highlight.get("title"), escape(source.title())),
                    highlight.containsKey("answer") ? String.join("…", highlight.get("answer")) : "",
                    source.categoryCode(), source.department(), source.status(), LocalDate.parse(source.effective()),
                    source.expires() == null ? null : LocalDate.parse(source.expires()),
                    hit.score() == null ? 0f : hit.score().floatValue()));
        }
        return hits;
    }

    private static String first(List<String> values, String fallback) {
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private Source source(IndexedArticle article) {
        if (kind() != ElasticsearchAnalysis.Kind.SERVICE) {
            return Source.of(article, null, null);
        }
        String heading = article.title() + "\n" + String.join("\n", article.questions()) + "\n"
                + String.join("\n", article.tags());
        return Source.of(article, encodedTokens(heading), encodedTokens(article.answerText()));
    }

    private void bulk(String index, List<IndexedArticle> articles, boolean waitForRefresh) {
        BulkRequest.Builder request = new BulkRequest.Builder().index(index);
        if (waitForRefresh) {
            // an incremental write: to the alias only, never auto-creating an index of that name before a rebuild
            request.refresh(Refresh.WaitFor).requireAlias(true);
        }
        for (IndexedArticle article : articles) {
            request.operations(op -> op.index(i -> i.id(Long.toString(article.id())).document(source(article))));
        }
        BulkResponse response = call(() -> client.bulk(request.build()));
        if (response.errors()) {
            BulkResponseItem failed = response.items().stream().filter(item -> item.error() != null).findFirst()
                    .orElseThrow();
            throw new SearchUnavailableException("Elasticsearch refused article " + failed.id() + ": "
                    + failed.error().reason(), null);
        }
    }

    private List<String> aliasedIndexes() {
        try {
            return List.copyOf(client.indices().getAlias(g -> g.name(alias)).result().keySet());
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw unavailable("cannot read the alias " + alias, e);
        } catch (IOException e) {
            throw unavailable("cannot read the alias " + alias, e);
        }
    }

    /** The index's settings and mappings; {@code loading} turns refresh and replicas off until the rebuild ends. */
    String indexDefinition(boolean loading) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode index = root.putObject("settings").putObject("index");
        index.put("number_of_shards", 1);
        index.put("number_of_replicas", loading ? 0 : replicas);
        if (loading) {
            index.put("refresh_interval", "-1");
        }
        ObjectNode analysisNode = index.putObject("analysis");
        ObjectNode filters = analysisNode.putObject("filter");
        ArrayNode stopWords = filters.putObject("kb_stop").put("type", "stop").putArray("stopwords");
        analysis.stopWords().forEach(stopWords::add);
        filters.putObject("kb_bigrams").put("type", "shingle").put("min_shingle_size", 2).put("max_shingle_size", 2)
                .put("output_unigrams", true)
                .put("token_separator", "").put("filler_token", "");
        ObjectNode analyzers = analysisNode.putObject("analyzer");
        ElasticsearchAnalysis.Kind used = kind();
        switch (used) {
            case IK -> {
                analyzer(analyzers, "kb_index", "ik_max_word", List.of("kb_stop"));
                analyzer(analyzers, "kb_search", "ik_smart", List.of("kb_stop"));
            }
            case ANALYZER -> {
                List<String> chain = new ArrayList<>(esAnalysis.fallbackFilters());
                chain.add("kb_stop");
                analyzer(analyzers, "kb_index", esAnalysis.fallbackTokenizer(), chain);
                analyzer(analyzers, "kb_search", esAnalysis.fallbackTokenizer(), chain);
            }
            case SERVICE -> {
                // heading and body arrive segmented and encoded; the text fields are analysed only to highlight
                analyzer(analyzers, "kb_words", "standard", List.of());
                analyzer(analyzers, "kb_index", "standard", List.of("lowercase", "kb_bigrams", "kb_stop"));
                analyzer(analyzers, "kb_search", "standard", List.of("lowercase", "kb_bigrams", "kb_stop"));
            }
        }
        analyzer(analyzers, "kb_chars", "standard", List.of("lowercase"));

        ObjectNode mappings = root.putObject("mappings");
        mappings.put("dynamic", "strict");
        // the vectors are searched, never shown, and rebuilt from the database: not kept in the source
        mappings.putObject("_source").putArray("excludes").add("passages");
        mappings.putObject("_meta").put("fingerprint", fingerprint());
        ObjectNode properties = mappings.putObject("properties");
        properties.putObject("id").put("type", "long");
        properties.putObject("slug").put("type", "keyword");
        properties.putObject("version").put("type", "integer");
        properties.putObject("public").put("type", "boolean");
        ObjectNode passages = properties.putObject("passages").put("type", "nested").putObject("properties");
        ObjectNode vector = passages.putObject("vector").put("type", "dense_vector")
                .put("dims", SentenceEncoder.DIMENSIONS).put("index", true).put("similarity", "dot_product");
        vector.putObject("index_options").put("type", "int8_hnsw").put("m", LuceneBackend.HNSW_M)
                .put("ef_construction", LuceneBackend.HNSW_BEAM);
        // searched: the heading (title, alternative questions, tags) and the body (the answer)
        boolean service = used == ElasticsearchAnalysis.Kind.SERVICE;
        for (String searched : List.of("heading", "body")) {
            if (service) {
                properties.putObject(searched).put("type", "text").put("analyzer", "kb_words");
            } else {
                text(properties, searched);
            }
        }
        // shown and highlighted
        for (String field : List.of("title", "questions")) {
            ObjectNode text = text(properties, field);
            if (field.equals("title")) {
                // highlighting reads the offsets instead of analysing the text again
                text.put("index_options", "offsets");
            }
            if (!service) {
                text.put("copy_to", "heading");
            }
            text.putObject("fields").putObject("chars").put("type", "text").put("analyzer", "kb_chars");
        }
        ObjectNode answer = text(properties, "answer").put("index_options", "offsets");
        ObjectNode tags = text(properties, "tags");
        if (!service) {
            answer.put("copy_to", "body");
            tags.put("copy_to", "heading");
        }
        for (String keyword : List.of("tag", "category", "category_code", "department", "status")) {
            properties.putObject(keyword).put("type", "keyword");
        }
        properties.putObject("effective").put("type", "date").put("format", "yyyy-MM-dd");
        properties.putObject("expires").put("type", "date").put("format", "yyyy-MM-dd");
        properties.putObject("updated").put("type", "date");
        return root.toString();
    }

    private static ObjectNode text(ObjectNode properties, String field) {
        return properties.putObject(field).put("type", "text").put("analyzer", "kb_index")
                .put("search_analyzer", "kb_search");
    }

    private static void analyzer(ObjectNode analyzers, String name, String tokenizer, List<String> filters) {
        ObjectNode analyzer = analyzers.putObject(name).put("type", "custom").put("tokenizer", tokenizer);
        ArrayNode chain = analyzer.putArray("filter");
        filters.forEach(chain::add);
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ElasticsearchException e) {
            if (e.status() >= 500) {
                throw unavailable("Elasticsearch failed", e);
            }
            throw new IllegalStateException("Elasticsearch refused the request: " + e.getMessage(), e);
        } catch (IOException e) {
            throw unavailable("Elasticsearch cannot be reached", e);
        }
    }

    private static SearchUnavailableException unavailable(String message, Exception cause) {
        return new SearchUnavailableException(message + ": " + cause.getMessage(), cause);
    }

    /** The indexed document. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Source(long id, String slug, Integer version, String title, List<String> questions, String answer,
            List<String> tags, List<String> tag, List<String> category,
            @JsonProperty("category_code") String categoryCode, String department, String status,
            @JsonProperty("public") Boolean publicAnswer, String effective, String expires, Long updated,
            String heading, String body, List<Passage> passages) {

        /** @param heading, body the encoded words, when the service segments; otherwise {@code null} */
        static Source of(IndexedArticle article, String heading, String body) {
            return new Source(article.id(), article.slug(), article.version(), article.title(), article.questions(),
                    article.answerText(), article.tags(),
                    article.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(), article.categoryPath(),
                    article.categoryCode(), article.departmentCode(), article.status(), article.publicAnswer(),
                    article.effectiveFrom().toString(),
                    article.expiresOn() == null ? null : article.expiresOn().toString(),
                    article.updatedAt().toEpochMilli(), heading, body,
                    article.vectors().isEmpty() ? null : article.vectors().stream().map(Passage::new).toList());
        }
    }

    /** A passage's vector, a nested document: kNN finds the article by its best passage. */
    record Passage(float[] vector) {
    }
}
