package org.hotline12345.knowledge;

/** Where an article stands; only published articles, within their dates, reach agents. */
public enum ArticleStatus {
    /** 草稿: being written, seen by editors only */
    DRAFT,
    /** 已发布 */
    PUBLISHED,
    /** 已归档: withdrawn, kept with its history */
    ARCHIVED
}
