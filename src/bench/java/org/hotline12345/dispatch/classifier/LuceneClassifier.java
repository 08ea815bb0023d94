package org.hotline12345.dispatch.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.classification.ClassificationResult;
import org.apache.lucene.classification.Classifier;
import org.apache.lucene.classification.KNearestNeighborClassifier;
import org.apache.lucene.classification.SimpleNaiveBayesClassifier;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.hotline12345.knowledge.search.ChineseAnalysis;
import org.hotline12345.knowledge.search.Synonyms;

/**
 * Lucene's classification module over IK words, the baseline the issue names for {@link ClassifierEvaluation}: the
 * training texts are indexed in memory and a text is classified by its nearest neighbours or by Lucene's naive Bayes.
 */
final class LuceneClassifier {

    private static final String TEXT = "text";
    private static final String LABEL = "label";

    private final Classifier<BytesRef> classifier;

    private LuceneClassifier(Classifier<BytesRef> classifier) {
        this.classifier = classifier;
    }

    /** {@code k} nearest neighbours by BM25 (MoreLikeThis), voting with their scores. */
    static LuceneClassifier nearestNeighbours(List<LabelledText> examples, int k) {
        Analyzer analyzer = ikWords();
        DirectoryReader reader = index(examples, analyzer);
        try {
            return new LuceneClassifier(new KNearestNeighborClassifier(reader, new BM25Similarity(), analyzer, null, k,
                    1, 1, LABEL, TEXT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LuceneClassifier naiveBayes(List<LabelledText> examples) {
        Analyzer analyzer = ikWords();
        return new LuceneClassifier(new SimpleNaiveBayesClassifier(index(examples, analyzer), analyzer, null, LABEL,
                TEXT));
    }

    Prediction predict(String text) {
        try {
            ClassificationResult<BytesRef> result = classifier.assignClass(text);
            return new Prediction(result.getAssignedClass().utf8ToString(), result.getScore());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** IK's fine-grained words, as the knowledge base indexes them. */
    private static Analyzer ikWords() {
        return ChineseAnalysis.of(List.of(), List.of(), Synonyms.none()).indexAnalyzer();
    }

    private static DirectoryReader index(List<LabelledText> examples, Analyzer analyzer) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (LabelledText example : examples) {
                Document document = new Document();
                document.add(new TextField(TEXT, example.text(), Field.Store.YES));
                document.add(new StringField(LABEL, example.label(), Field.Store.YES));
                writer.addDocument(document);
            }
            writer.commit();
            return DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
