package org.hotline12345.dispatch;

/** What a model suggests from a work order's text. */
public enum ModelKind {
    /** 事项分类: learned from closed work orders and the imported archive */
    CATEGORY,
    /** 承办单位: learned from who finally handled each work order, so an approved return counts against its department */
    DEPARTMENT
}
