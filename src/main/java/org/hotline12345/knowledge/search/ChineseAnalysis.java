package org.hotline12345.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.wltea.analyzer.cfg.DefaultConfig;
import org.wltea.analyzer.dic.Dictionary;
import org.wltea.analyzer.lucene.IKTokenizer;

/**
 * The Chinese text analysis of the knowledge base, shared by both search backends: the IK segmenter with the
 * knowledge base's dictionary of government terms, its stop words and its synonyms. Text is indexed fine-grained
 * (IK {@code max_word}: 一件事一次办 also yields 一件事, 一次) and queries are segmented smart (the longest words), so
 * that a query matches whether a document uses the whole term or its parts.
 */
public final class ChineseAnalysis {

    /** File names inside the dictionary directory. */
    public static final String TERMS_FILE = "government-terms.dic";
    public static final String STOP_WORDS_FILE = "stopwords.txt";
    public static final String SYNONYMS_FILE = "synonyms.txt";

    private final List<String> terms;
    private final List<String> stopWords;
    private final Synonyms synonyms;
    private final String fingerprint;
    private final Analyzer indexAnalyzer;
    private final Analyzer queryAnalyzer;

    private ChineseAnalysis(List<String> terms, List<String> stopWords, Synonyms synonyms) {
        this.terms = List.copyOf(terms);
        this.stopWords = List.copyOf(stopWords);
        this.synonyms = synonyms;
        this.fingerprint = sha256(String.join("\n", terms) + "\u0000" + String.join("\n", stopWords));
        // IK keeps one dictionary per JVM: the terms join its main dictionary
        Dictionary.initial(DefaultConfig.getInstance());
        Dictionary.getSingleton().addWords(terms);
        CharArraySet stopSet = CharArraySet.unmodifiableSet(new CharArraySet(stopWords, false));
        this.indexAnalyzer = ikAnalyzer(false, stopSet);
        this.queryAnalyzer = ikAnalyzer(true, stopSet);
    }

    /** Reads the dictionary, stop words and synonyms from a directory laid out as {@code knowledge-base/dictionary}. */
    public static ChineseAnalysis load(Path directory) {
        return new ChineseAnalysis(words(directory.resolve(TERMS_FILE)), words(directory.resolve(STOP_WORDS_FILE)),
                Synonyms.parse(lines(directory.resolve(SYNONYMS_FILE))));
    }

    public static ChineseAnalysis of(List<String> terms, List<String> stopWords, Synonyms synonyms) {
        return new ChineseAnalysis(terms, stopWords, synonyms);
    }

    /** Fine-grained segmentation for indexing. */
    public Analyzer indexAnalyzer() {
        return indexAnalyzer;
    }

    /** Smart segmentation for queries. */
    public Analyzer queryAnalyzer() {
        return queryAnalyzer;
    }

    /** Every fine-grained word of a text, repeats included, as the embedded index counts them. */
    public List<String> indexTokens(String text) {
        return tokens(indexAnalyzer, text);
    }

    /** The words of a query (smart segmentation, stop words removed), each once, in order. */
    public List<String> queryTerms(String text) {
        return distinct(tokens(queryAnalyzer, text));
    }

    /** The fine-grained words of a query: what {@link #queryTerms} misses when a document uses parts of a term. */
    public List<String> fineTerms(String text) {
        return distinct(tokens(indexAnalyzer, text));
    }

    /** A word of a query with the words that mean the same; {@code alternatives} is empty when it has none. */
    public record QueryWord(String word, List<String> alternatives) {
    }

    /** The words of a query with their synonyms. */
    public List<QueryWord> queryWords(String text) {
        return queryTerms(text).stream().map(word -> new QueryWord(word, synonyms.alternativesTo(word))).toList();
    }

    public List<String> terms() {
        return terms;
    }

    public List<String> stopWords() {
        return stopWords;
    }

    public Synonyms synonyms() {
        return synonyms;
    }

    /**
     * Changes whenever what is indexed changes (dictionary or stop words), so that an index built with other ones
     * is rebuilt. Synonyms are applied when searching and do not count.
     */
    public String fingerprint() {
        return fingerprint;
    }

    private static List<String> distinct(List<String> tokens) {
        return List.copyOf(new LinkedHashSet<>(tokens));
    }

    /** Every token the analyzer makes of the text, in order, repeats included. */
    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static Analyzer ikAnalyzer(boolean smart, CharArraySet stopWords) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new IKTokenizer(smart);
                return new TokenStreamComponents(tokenizer, new StopFilter(tokenizer, stopWords));
            }
        };
    }

    /** Non-blank lines without {@code #} comments, trimmed; words are lower case like the segmenter's output. */
    private static List<String> words(Path file) {
        return lines(file).stream()
                .map(line -> line.contains("#") ? line.substring(0, line.indexOf('#')) : line)
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(String::toLowerCase)
                .distinct()
                .toList();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
