package org.hotline12345.knowledge.search;

/**
 * How the parts of an article weigh in a match; both backends score alike with the same tuning.
 *
 * @param headingBoost weight of a match in the title, the alternative questions or the tags
 * @param answerBoost weight of a match in the answer
 * @param fineWeight weight of the fine-grained words of the query against its smart-segmented words
 */
public record SearchTuning(float headingBoost, float answerBoost, float fineWeight) {

    public static SearchTuning defaults() {
        return new SearchTuning(3f, 1f, 0.3f);
    }
}
