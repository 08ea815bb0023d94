package org.hotline12345.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.DiversifyingChildrenFloatKnnVectorQuery;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * The embedded backend: a Lucene index in a directory on disk. Writes are committed before they return, and searches
 * see a write once it is committed, so a restart loses nothing. One service instance owns the directory (Lucene's
 * write lock); each instance has its own and follows the database.
 * <p>
 * An article is a block of documents: one per passage vector, then the article itself (Lucene's block join), so that
 * a vector search finds an article by its best passage and an update replaces the whole block at once. The vectors
 * are in HNSW graphs, quantized to bytes for search (the float vectors stay on disk for merges).
 */
public final class LuceneBackend implements SearchBackend {

    /** Raised when the fields or their analysis change, so that indexes built before are rebuilt. */
    static final String SCHEMA = "knowledge-6/" + SentenceEncoder.MODEL;
    /** HNSW graph: neighbours per node and candidates while building, the same as the Elasticsearch mapping's. */
    static final int HNSW_M = 16;
    static final int HNSW_BEAM = 100;

    private static final String FINGERPRINT_KEY = "fingerprint";
    private static final String FOLLOWED_KEY = "followed";
    private static final String ID = "id";
    /** {@code article} or {@code passage}: each article is a block of its passages followed by itself. */
    private static final String KIND = "kind";
    private static final String ARTICLE = "article";
    private static final String PASSAGE = "passage";
    private static final String VECTOR = "vector";
    private static final String VERSION = "version";
    private static final String PUBLIC = "public";
    private static final String SLUG = "slug";
    private static final String TITLE = "title";
    private static final String TITLE_CHARS = "title_chars";
    private static final String QUESTIONS = "questions";
    private static final String QUESTIONS_CHARS = "questions_chars";
    private static final String ANSWER = "answer";
    /** Title, alternative questions and tags together: what an article is about, searched as one field. */
    private static final String HEADING = "heading";
    private static final String TAG = "tag";
    private static final String CATEGORY = "category";
    private static final String CATEGORY_CODE = "category_code";
    private static final String DEPARTMENT = "department";
    private static final String STATUS = "status";
    private static final String EFFECTIVE = "effective";
    private static final String EXPIRES = "expires";
    private static final String UPDATED = "updated";
    private static final long NO_EXPIRY = Long.MAX_VALUE;
    /** Words of a query that count; beyond this the most specific are kept. */
    private static final int MAX_QUERY_WORDS = 8;
    private static final int MAX_QUERY_PARTS = 4;
    /** Candidates the HNSW search keeps while it walks the graph, as Elasticsearch's {@code num_candidates}. */
    static final int KNN_CANDIDATES = 100;
    /** Stored text with offsets in the postings, so that highlighting reads offsets instead of analysing again. */
    private static final FieldType HIGHLIGHTED = highlighted();

    private final ChineseAnalysis analysis;
    private final SearchTuning tuning;
    private final String fingerprint;
    private final Directory directory;
    private final Analyzer indexing;
    private IndexWriter writer;
    private volatile SearcherManager searchers;
    /** Per-character analysis for autocomplete: a phrase of characters matches anywhere inside a title. */
    private final Analyzer characters = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    private final Object writeLock = new Object();
    private final BitSetProducer articles = new QueryBitSetProducer(new TermQuery(new Term(KIND, ARTICLE)));
    /** How far the index has followed the database's change log; committed with the index. */
    private volatile String followed;

    public LuceneBackend(Path path, ChineseAnalysis analysis, SearchTuning tuning) {
        this.analysis = analysis;
        this.tuning = tuning;
        this.fingerprint = SCHEMA + "/" + analysis.fingerprint();
        try {
            Files.createDirectories(path);
            this.directory = FSDirectory.open(path);
            this.indexing = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
                @Override
                protected Analyzer getWrappedAnalyzer(String field) {
                    return field.endsWith("_chars") ? characters : analysis.indexAnalyzer();
                }
            };
            openWriter();
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException("The knowledge index in " + path
                    + " is in use by another process; stop it or use its reindex endpoint", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the knowledge index in " + path, e);
        }
    }

    private void openWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(indexing)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64)
                .setCodec(new Lucene912Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return new Lucene99HnswScalarQuantizedVectorsFormat(HNSW_M, HNSW_BEAM);
                    }
                });
        writer = new IndexWriter(directory, config);
        if (!DirectoryReader.indexExists(directory)) {
            writer.commit();
        }
        followed = committed(FOLLOWED_KEY);
        searchers = new SearcherManager(writer, null);
    }

    @Override
    public String name() {
        return "lucene";
    }

    @Override
    public boolean perInstance() {
        return true;
    }

    @Override
    public String followed() {
        return followed;
    }

    @Override
    public void follow(String position, boolean persist) {
        synchronized (writeLock) {
            followed = position;
            if (persist) {
                try {
                    commit(false);
                } catch (IOException e) {
                    throw new SearchUnavailableException("cannot write to the knowledge index", e);
                }
            }
        }
    }

    @Override
    public void upsert(List<IndexedArticle> articles) {
        synchronized (writeLock) {
            try {
                for (IndexedArticle article : articles) {
                    writer.updateDocuments(idTerm(article.id()), block(article));
                }
                commit(false);
            } catch (IOException e) {
                throw new SearchUnavailableException("cannot write to the knowledge index", e);
            }
        }
    }

    @Override
    public void delete(Collection<Long> ids) {
        synchronized (writeLock) {
            try {
                writer.deleteDocuments(ids.stream().map(LuceneBackend::idTerm).toArray(Term[]::new));
                commit(false);
            } catch (IOException e) {
                throw new SearchUnavailableException("cannot write to the knowledge index", e);
            }
        }
    }

    @Override
    public void rebuild(Iterator<IndexedArticle> articles, LongConsumer progress) {
        synchronized (writeLock) {
            try {
                // searchers keep the last committed index until the commit below: they never see a partial one; the
                // caller says how far the new index follows the change log once it is built
                followed = null;
                writer.deleteAll();
                long indexed = 0;
                while (articles.hasNext()) {
                    IndexedArticle article = articles.next();
                    writer.addDocuments(block(article));
                    if (++indexed % 1000 == 0) {
                        progress.accept(indexed);
                    }
                }
                commit(true);
                progress.accept(indexed);
            } catch (IOException | RuntimeException e) {
                reopenAtLastCommit();
                throw e instanceof IOException io
                        ? new SearchUnavailableException("rebuild failed", io)
                        : (RuntimeException) e;
            }
        }
    }

    @Override
    public boolean needsRebuild() {
        try {
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            return !fingerprint.equals(data.get(FINGERPRINT_KEY));
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public long count() {
        return withSearcher(searcher -> (long) searcher.count(new TermQuery(new Term(KIND, ARTICLE))));
    }

    @Override
    public SearchResult search(ArticleQuery query) {
        return search(query, tuning);
    }

    /** A search whose words and vectors are fused as {@code fusion} says: the evaluation compares tunings this way. */
    SearchResult search(ArticleQuery query, SearchTuning fusion) {
        return withSearcher(searcher -> {
            int wanted = (query.page() + 1) * query.size();
            Query text;
            TopDocs top;
            if (query.hybrid()) {
                return hybrid(searcher, query, wanted, fusion);
            }
            if (query.hasText()) {
                text = textQuery(searcher.getIndexReader(), query.text());
                top = searcher.search(filtered(text, query.filter()),
                        new TopScoreDocCollectorManager(wanted, null, EXACT_TOTAL_UP_TO));
            } else {
                text = new MatchAllDocsQuery();
                Sort newestFirst = new Sort(new SortField(UPDATED, SortField.Type.LONG, true));
                top = searcher.search(filtered(text, query.filter()), new TopFieldCollectorManager(newestFirst,
                        wanted, null, EXACT_TOTAL_UP_TO));
            }
            ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length,
                    query.page() * query.size()), top.scoreDocs.length);
            return new SearchResult(hits(searcher, text, page),
                    top.totalHits.value, top.totalHits.relation == TotalHits.Relation.EQUAL_TO);
        });
    }

    /**
     * The best candidates by words and by vectors, fused ({@link HybridRanking}). A passage's similarity stands for its
     * article; the total is the candidates' count, or the word matches' where there are more.
     */
    private SearchResult hybrid(IndexSearcher searcher, ArticleQuery query, int wanted, SearchTuning fusion)
            throws IOException {
        int candidates = Math.max(fusion.candidates(), wanted);
        Query text = textQuery(searcher.getIndexReader(), query.text());
        TopDocs words = searcher.search(filtered(text, query.filter()),
                new TopScoreDocCollectorManager(candidates, null, EXACT_TOTAL_UP_TO));
        List<HybridRanking.Scored> byWords = Arrays.stream(words.scoreDocs)
                .map(d -> new HybridRanking.Scored(d.doc, d.score)).toList();
        List<HybridRanking.Scored> byVectors = similar(searcher, query.vector(), query.filter(), candidates);
        List<HybridRanking.Scored> fused = HybridRanking.fuse(byWords, byVectors, fusion);
        ScoreDoc[] page = fused.stream().skip((long) query.page() * query.size()).limit(query.size())
                .map(s -> new ScoreDoc((int) s.key(), s.score())).toArray(ScoreDoc[]::new);
        long total = Math.max(fused.size(), words.totalHits.value);
        boolean exact = words.totalHits.relation == TotalHits.Relation.EQUAL_TO && words.totalHits.value < candidates;
        return new SearchResult(hits(searcher, text, page), total, exact);
    }

    /**
     * The articles whose passages are nearest the vector, each by its best passage, as (article document, cosine):
     * HNSW over the passages that pass the filter, at most one per article.
     */
    private List<HybridRanking.Scored> similar(IndexSearcher searcher, float[] vector, ArticleFilter filter, int size)
            throws IOException {
        Query passages = new BooleanQuery.Builder().add(new TermQuery(new Term(KIND, PASSAGE)), Occur.FILTER)
                .add(filter(filter), Occur.FILTER).build();
        TopDocs nearest = searcher.search(new DiversifyingChildrenFloatKnnVectorQuery(VECTOR, vector, passages,
                Math.max(size, KNN_CANDIDATES), articles), size);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<HybridRanking.Scored> found = new ArrayList<>();
        for (ScoreDoc passage : nearest.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(passage.doc, leaves));
            int article = articles.getBitSet(leaf).nextSetBit(passage.doc - leaf.docBase) + leaf.docBase;
            // DOT_PRODUCT scores (1 + cosine) / 2
            found.add(new HybridRanking.Scored(article, 2 * passage.score - 1));
        }
        return found;
    }

    @Override
    public List<Suggestion> autocomplete(String typed, ArticleFilter filter, int limit) {
        List<String> tokens = ChineseAnalysis.tokens(characters, typed);
        if (tokens.isEmpty()) {
            return List.of();
        }
        return withSearcher(searcher -> {
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            for (String field : List.of(TITLE_CHARS, QUESTIONS_CHARS)) {
                Query phrase = phrasePrefix(searcher.getIndexReader(), field, tokens);
                if (phrase != null) {
                    either.add(field.equals(TITLE_CHARS) ? new BoostQuery(phrase, 2f) : phrase, Occur.SHOULD);
                }
            }
            BooleanQuery any = either.build();
            if (any.clauses().isEmpty()) {
                return List.<Suggestion> of();
            }
            TopDocs top = searcher.search(filtered(any, filter), Autocomplete.CANDIDATES);
            StoredFields stored = searcher.storedFields();
            List<Autocomplete.Candidate> candidates = new ArrayList<>();
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                Document doc = stored.document(scoreDoc.doc, Set.of(ID, SLUG, TITLE, QUESTIONS));
                candidates.add(new Autocomplete.Candidate(Long.parseLong(doc.get(ID)), doc.get(SLUG),
                        doc.get(TITLE), List.of(doc.getValues(QUESTIONS))));
            }
            return Autocomplete.rank(typed, candidates, limit);
        });
    }

    @Override
    public List<SearchHit> moreLikeThis(String emphasis, String text, ArticleFilter filter, Long excludeId, int size) {
        return withSearcher(searcher -> {
            BooleanQuery.Builder like = new BooleanQuery.Builder();
            if (emphasis != null && !emphasis.isBlank()) {
                like.add(new BoostQuery(textQuery(searcher.getIndexReader(), emphasis), 2f), Occur.SHOULD);
            }
            like.add(moreLikeThisQuery(searcher.getIndexReader(), text), Occur.SHOULD);
            BooleanQuery likeQuery = like.build();
            BooleanQuery.Builder query = new BooleanQuery.Builder()
                    .add(likeQuery, Occur.MUST)
                    .add(filter(filter), Occur.FILTER)
                    .add(new TermQuery(new Term(KIND, ARTICLE)), Occur.FILTER);
            if (excludeId != null) {
                query.add(new TermQuery(idTerm(excludeId)), Occur.MUST_NOT);
            }
            return hits(searcher, likeQuery, searcher.search(query.build(), size).scoreDocs);
        });
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The agent's words against the heading (title, alternative questions, tags) and the answer scored as one text
     * (BM25F, {@link CombinedFieldQuery}): a word in the heading counts as several occurrences, and its weight (inverse
     * document frequency) is over both fields, so that a word common in answers, such as 遇到, does not become strong by
     * being rare in titles. A word with synonyms counts as one word in all its forms, so an article using both 公积金 and
     * 住房公积金 is not counted twice. The fine-grained parts of compound words count a little, for articles that use
     * the parts only. Of a long text (a caller's whole message) only the most specific words are kept, since each word
     * costs time and the common ones decide nothing.
     */
    Query textQuery(IndexReader reader, String text) throws IOException {
        List<ChineseAnalysis.QueryWord> words = mostSpecific(reader, analysis.queryWords(text),
                ChineseAnalysis.QueryWord::word, MAX_QUERY_WORDS);
        if (words.isEmpty()) {
            return new MatchNoDocsQuery("only stop words");
        }
        List<String> parts = mostSpecific(reader, analysis.fineTerms(text).stream()
                .filter(part -> words.stream().noneMatch(word -> word.word().equals(part))).toList(),
                part -> part, MAX_QUERY_PARTS);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (ChineseAnalysis.QueryWord word : words) {
            List<String> forms = new ArrayList<>(List.of(word.word()));
            forms.addAll(word.alternatives());
            query.add(combined(forms), Occur.SHOULD);
        }
        for (String part : parts) {
            query.add(new BoostQuery(combined(List.of(part)), tuning.fineWeight()), Occur.SHOULD);
        }
        return query.build();
    }

    /** The forms of one word in heading and answer, scored as one field. */
    private Query combined(List<String> forms) {
        CombinedFieldQuery.Builder query = new CombinedFieldQuery.Builder()
                .addField(HEADING, tuning.headingBoost())
                .addField(ANSWER, tuning.answerBoost());
        forms.forEach(form -> query.addTerm(new BytesRef(form)));
        return query.build();
    }

    /** The {@code limit} items whose words are in the fewest articles, in their original order. */
    private static <T> List<T> mostSpecific(IndexReader reader, List<T> items, Function<T, String> word, int limit)
            throws IOException {
        if (items.size() <= limit) {
            return items;
        }
        Map<T, Integer> frequency = new HashMap<>();
        for (T item : items) {
            frequency.put(item, reader.docFreq(new Term(HEADING, word.apply(item)))
                    + reader.docFreq(new Term(ANSWER, word.apply(item))));
        }
        Set<T> kept = new HashSet<>(items.stream().sorted(Comparator.comparingInt(frequency::get)).limit(limit)
                .toList());
        return items.stream().filter(kept::contains).toList();
    }

    private Query moreLikeThisQuery(IndexReader reader, String text) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setAnalyzer(analysis.queryAnalyzer());
        mlt.setFieldNames(new String[]{HEADING, ANSWER});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMinWordLen(2);
        mlt.setMaxQueryTerms(25);
        mlt.setBoost(true);
        Map<String, Collection<Object>> fields = new HashMap<>();
        for (String field : mlt.getFieldNames()) {
            fields.put(field, List.of(text));
        }
        return mlt.like(fields);
    }

    /** The query over articles (not their passages) that pass the filter. */
    private static Query filtered(Query query, ArticleFilter filter) {
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(filter(filter), Occur.FILTER)
                .add(new TermQuery(new Term(KIND, ARTICLE)), Occur.FILTER).build();
    }

    /**
     * The filter as cheap conjunctions: the date ranges check doc values on the documents the words matched, rather
     * than collecting every document in range. Articles and their passages carry the same filtered fields.
     */
    private static Query filter(ArticleFilter filter) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        if (!filter.statuses().isEmpty()) {
            BooleanQuery.Builder anyStatus = new BooleanQuery.Builder();
            filter.statuses().forEach(s -> anyStatus.add(new TermQuery(new Term(STATUS, s)), Occur.SHOULD));
            all.add(anyStatus.build(), Occur.FILTER);
        }
        if (filter.validOn() != null) {
            long day = filter.validOn().toEpochDay();
            all.add(range(EFFECTIVE, Long.MIN_VALUE, day), Occur.FILTER);
            all.add(range(EXPIRES, day + 1, Long.MAX_VALUE), Occur.FILTER);
        }
        if (filter.categoryCode() != null) {
            all.add(new TermQuery(new Term(CATEGORY, filter.categoryCode())), Occur.FILTER);
        }
        if (filter.departmentCode() != null) {
            all.add(new TermQuery(new Term(DEPARTMENT, filter.departmentCode())), Occur.FILTER);
        }
        if (filter.tag() != null) {
            all.add(new TermQuery(new Term(TAG, filter.tag().toLowerCase(Locale.ROOT))), Occur.FILTER);
        }
        if (filter.publicOnly()) {
            all.add(new TermQuery(new Term(PUBLIC, "true")), Occur.FILTER);
        }
        BooleanQuery built = all.build();
        return built.clauses().isEmpty() ? new MatchAllDocsQuery() : built;
    }

    private static Query range(String field, long from, long to) {
        return new IndexOrDocValuesQuery(LongPoint.newRangeQuery(field, from, to),
                NumericDocValuesField.newSlowRangeQuery(field, from, to));
    }

    /** The characters typed as a phrase whose last token may be the start of a longer one (Latin or digits). */
    private static Query phrasePrefix(IndexReader reader, String field, List<String> tokens) throws IOException {
        String last = tokens.get(tokens.size() - 1);
        if (tokens.size() == 1) {
            return new PrefixQuery(new Term(field, last));
        }
        List<Term> expansions = new ArrayList<>();
        Set<BytesRef> seen = new LinkedHashSet<>();
        BytesRef prefix = new BytesRef(last);
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum iterator = terms.iterator();
            if (iterator.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
                continue;
            }
            for (BytesRef term = iterator.term(); term != null && startsWith(term, prefix)
                    && seen.size() < 64; term = iterator.next()) {
                if (seen.add(BytesRef.deepCopyOf(term))) {
                    expansions.add(new Term(field, BytesRef.deepCopyOf(term)));
                }
            }
        }
        if (expansions.isEmpty()) {
            return null;
        }
        MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder();
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            phrase.add(new Term(field, token));
        }
        phrase.add(expansions.toArray(Term[]::new));
        return phrase.build();
    }

    private static boolean startsWith(BytesRef term, BytesRef prefix) {
        return term.length >= prefix.length && Arrays.equals(term.bytes, term.offset, term.offset + prefix.length,
                prefix.bytes, prefix.offset, prefix.offset + prefix.length);
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] scoreDocs) throws IOException {
        if (scoreDocs.length == 0) {
            return List.of();
        }
        int[] docIds = Arrays.stream(scoreDocs).mapToInt(d -> d.doc).toArray();
        Map<String, String[]> highlights = highlighter(searcher)
                .highlightFields(new String[]{TITLE, ANSWER}, query, docIds, new int[]{1, 2});
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(scoreDocs.length);
        for (int i = 0; i < scoreDocs.length; i++) {
            Document doc = stored.document(scoreDocs[i].doc);
            long expires = doc.getField(EXPIRES).numericValue().longValue();
            hits.add(new SearchHit(Long.parseLong(doc.get(ID)), doc.get(SLUG), doc.get(TITLE),
                    highlights.get(TITLE)[i], highlights.get(ANSWER)[i], doc.get(CATEGORY_CODE), doc.get(DEPARTMENT),
                    doc.get(STATUS), LocalDate.ofEpochDay(doc.getField(EFFECTIVE).numericValue().longValue()),
                    expires == NO_EXPIRY ? null : LocalDate.ofEpochDay(expires),
                    Float.isNaN(scoreDocs[i].score) ? 0f : scoreDocs[i].score));
        }
        return hits;
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, analysis.indexAnalyzer())
                .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "…", true))
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.CHINA))
                .withMaxLength(20_000)
                .withWeightMatches(false)
                // the query searches the heading; the words it finds are highlighted in the title
                .withFieldMatcher(field -> true)
                .build();
    }

    /** The article's passages, then the article: the block that a vector search joins from passage to article. */
    private List<Document> block(IndexedArticle article) {
        List<Document> block = new ArrayList<>(article.vectors().size() + 1);
        for (float[] vector : article.vectors()) {
            Document passage = new Document();
            passage.add(new StringField(ID, Long.toString(article.id()), Field.Store.NO));
            passage.add(new StringField(KIND, PASSAGE, Field.Store.NO));
            passage.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
            filtered(passage, article);
            block.add(passage);
        }
        block.add(document(article));
        return block;
    }

    /** The fields an {@link ArticleFilter} reads, on an article and on each of its passages. */
    private static void filtered(Document doc, IndexedArticle article) {
        for (String tag : article.tags()) {
            doc.add(new StringField(TAG, tag.toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        for (String code : article.categoryPath()) {
            doc.add(new StringField(CATEGORY, code, Field.Store.NO));
        }
        doc.add(new StringField(DEPARTMENT, article.departmentCode(), Field.Store.YES));
        doc.add(new StringField(STATUS, article.status(), Field.Store.YES));
        doc.add(new StringField(PUBLIC, Boolean.toString(article.publicAnswer()), Field.Store.NO));
        long effective = article.effectiveFrom().toEpochDay();
        doc.add(new LongPoint(EFFECTIVE, effective));
        doc.add(new NumericDocValuesField(EFFECTIVE, effective));
        doc.add(new StoredField(EFFECTIVE, effective));
        long expires = article.expiresOn() == null ? NO_EXPIRY : article.expiresOn().toEpochDay();
        doc.add(new LongPoint(EXPIRES, expires));
        doc.add(new NumericDocValuesField(EXPIRES, expires));
        doc.add(new StoredField(EXPIRES, expires));
    }

    private Document document(IndexedArticle article) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(article.id()), Field.Store.YES));
        doc.add(new StringField(KIND, ARTICLE, Field.Store.NO));
        doc.add(new StoredField(VERSION, article.version()));
        doc.add(new StoredField(SLUG, article.slug()));
        doc.add(new Field(TITLE, article.title(), HIGHLIGHTED));
        doc.add(new TextField(HEADING, article.title(), Field.Store.NO));
        doc.add(new TextField(TITLE_CHARS, article.title(), Field.Store.NO));
        for (String question : article.questions()) {
            doc.add(new StoredField(QUESTIONS, question));
            doc.add(new TextField(HEADING, question, Field.Store.NO));
            doc.add(new TextField(QUESTIONS_CHARS, question, Field.Store.NO));
        }
        doc.add(new Field(ANSWER, article.answerText(), HIGHLIGHTED));
        for (String tag : article.tags()) {
            doc.add(new TextField(HEADING, tag, Field.Store.NO));
        }
        filtered(doc, article);
        doc.add(new StoredField(CATEGORY_CODE, article.categoryCode()));
        doc.add(new NumericDocValuesField(UPDATED, article.updatedAt().toEpochMilli()));
        return doc;
    }

    private static FieldType highlighted() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static Term idTerm(long id) {
        return new Term(ID, Long.toString(id));
    }

    /**
     * Commits the index with its fingerprint and followed position. An incremental write keeps the fingerprint the
     * index was built with: it does not make a stale index current.
     */
    private void commit(boolean rebuilt) throws IOException {
        String built = rebuilt ? fingerprint : committed(FINGERPRINT_KEY);
        Map<String, String> data = new HashMap<>();
        data.put(FINGERPRINT_KEY, built == null ? "" : built);
        if (followed != null) {
            data.put(FOLLOWED_KEY, followed);
        }
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private String committed(String key) {
        try {
            return SegmentInfos.readLatestCommit(directory).getUserData().get(key);
        } catch (IOException e) {
            return null;
        }
    }

    /** Drops what a failed rebuild wrote (every other write is committed at once) and goes on with the old index. */
    private void reopenAtLastCommit() {
        try {
            SearcherManager old = searchers;
            writer.rollback();
            openWriter();
            old.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen the knowledge index after a failed rebuild", e);
        }
    }

    @FunctionalInterface
    private interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherFunction<T> function) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new SearchUnavailableException("cannot open the knowledge index", e);
        }
        try {
            return function.apply(searcher);
        } catch (IOException e) {
            throw new SearchUnavailableException("knowledge search failed", e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException ignored) {
                // releasing only decrements a reference count
            }
        }
    }
}
