package org.hotline12345.knowledge.search;

/**
 * How the parts of an article and the two ways of finding it weigh; both backends rank alike with the same tuning.
 * Word matching scores an article's heading and answer as one text (BM25F): a word's weight comes from how many
 * articles hold it anywhere, so a word common in answers stays weak in a title, where it is rare.
 *
 * @param headingBoost how many times a word in the title, the alternative questions or the tags counts
 * @param answerBoost how many times a word in the answer counts
 * @param fineWeight weight of the fine-grained words of the query against its smart-segmented words
 * @param fusion how word matches and similar vectors are put together
 * @param vectorWeight the vectors' share of the fused score, from 0 (words only) to 1 (vectors only)
 * @param rrfK the constant of reciprocal rank fusion: larger evens out the ranks
 * @param minSimilarity cosine below which a passage does not make an article a candidate
 * @param candidates how many articles each way proposes before fusion
 */
public record SearchTuning(float headingBoost, float answerBoost, float fineWeight, HybridRanking.Fusion fusion,
        float vectorWeight, int rrfK, float minSimilarity, int candidates) {

    public SearchTuning {
        if (headingBoost < 1 || answerBoost < 1) {
            throw new IllegalArgumentException("field weights count occurrences: at least 1");
        }
    }

    /**
     * The shipped tuning: the fusion (a weighted sum, the vectors' share 0.6) chosen by 5-fold cross-validation on the
     * shared covid questions' training split; the minimum similarity kept at 0.5, which scored the same there as 0.3
     * and
     * lets a question like nothing in the knowledge base find nothing (docs/performance.md).
     */
    public static SearchTuning defaults() {
        return new SearchTuning(2f, 1f, 0.3f, HybridRanking.Fusion.WEIGHTED, 0.6f, 60, 0.5f, 50);
    }

    public SearchTuning withFusion(HybridRanking.Fusion method, float weight, int k) {
        return new SearchTuning(headingBoost, answerBoost, fineWeight, method, weight, k, minSimilarity, candidates);
    }

    public SearchTuning withMinSimilarity(float similarity) {
        return new SearchTuning(headingBoost, answerBoost, fineWeight, fusion, vectorWeight, rrfK, similarity,
                candidates);
    }
}
