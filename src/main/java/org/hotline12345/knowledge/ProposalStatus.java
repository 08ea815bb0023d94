package org.hotline12345.knowledge;

/** Where a department's proposal of an article stands. */
public enum ProposalStatus {
    /** 待审核: awaiting an editor */
    SUBMITTED,
    /** 已退回: the editor's comment says what to change */
    RETURNED,
    /** 已发布 */
    PUBLISHED
}
