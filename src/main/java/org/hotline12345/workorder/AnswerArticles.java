package org.hotline12345.workorder;

/**
 * The knowledge articles an answer on the call (即问即答) can name, so the work order records which article and version
 * the agent answered from. The knowledge base implements it; work orders do not depend on it.
 */
public interface AnswerArticles {

    /** An article as the work order records it. */
    record AnswerArticle(String slug, int version, String title) {
    }

    /**
     * @param field names the request field in the error
     * @throws org.hotline12345.common.InvalidFieldException 422 when no published article has this slug
     */
    AnswerArticle require(String slug, String field);
}
