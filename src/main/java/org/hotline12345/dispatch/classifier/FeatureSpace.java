package org.hotline12345.dispatch.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The vocabulary of n-grams seen in training with their inverse document frequencies, and the TF-IDF vectors of
 * texts over it. The last feature is a constant 1 so that a linear model has a bias term.
 */
final class FeatureSpace {

    private final int minN;
    private final int maxN;
    private final List<String> terms;
    private final float[] idf;
    private final Map<String, Integer> index;

    FeatureSpace(int minN, int maxN, List<String> terms, float[] idf) {
        if (terms.size() != idf.length) {
            throw new IllegalArgumentException(terms.size() + " terms but " + idf.length + " weights");
        }
        this.minN = minN;
        this.maxN = maxN;
        this.terms = List.copyOf(terms);
        this.idf = idf.clone();
        this.index = new HashMap<>(terms.size() * 2);
        for (int i = 0; i < terms.size(); i++) {
            index.put(terms.get(i), i);
        }
    }

    /** The n-grams found in at least {@code minDocuments} of the texts, in a fixed order. */
    static FeatureSpace fit(List<String> texts, int minN, int maxN, int minDocuments) {
        Map<String, Integer> documentFrequency = new TreeMap<>();
        for (String text : texts) {
            for (String gram : new HashSet<>(CharNgrams.of(text, minN, maxN))) {
                documentFrequency.merge(gram, 1, Integer::sum);
            }
        }
        List<String> terms = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        documentFrequency.forEach((term, frequency) -> {
            if (frequency >= minDocuments) {
                terms.add(term);
                // smoothed as if one more text held every term: no infinite weight, and no zero weight either
                weights.add((float) (Math.log((1.0 + texts.size()) / (1.0 + frequency)) + 1));
            }
        });
        float[] idf = new float[weights.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = weights.get(i);
        }
        return new FeatureSpace(minN, maxN, terms, idf);
    }

    /** Sub-linear term frequency (a repeated n-gram says little more) times IDF, of unit length, plus the bias. */
    SparseVector vector(String text) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (String gram : CharNgrams.of(text, minN, maxN)) {
            Integer feature = index.get(gram);
            if (feature != null) {
                counts.merge(feature, 1, Integer::sum);
            }
        }
        int[] indices = new int[counts.size() + 1];
        float[] values = new float[counts.size() + 1];
        double squaredNorm = 0;
        int i = 0;
        for (Map.Entry<Integer, Integer> count : counts.entrySet()) {
            indices[i] = count.getKey();
            values[i] = (float) ((1 + Math.log(count.getValue())) * idf[count.getKey()]);
            squaredNorm += values[i] * (double) values[i];
            i++;
        }
        double norm = Math.sqrt(squaredNorm);
        for (int j = 0; j < i && norm > 0; j++) {
            values[j] /= (float) norm;
        }
        indices[i] = biasFeature();
        values[i] = 1;
        return new SparseVector(indices, values);
    }

    /** Features including the bias. */
    int dimension() {
        return terms.size() + 1;
    }

    int biasFeature() {
        return terms.size();
    }

    int minN() {
        return minN;
    }

    int maxN() {
        return maxN;
    }

    List<String> terms() {
        return terms;
    }

    float[] idf() {
        return Arrays.copyOf(idf, idf.length);
    }
}
