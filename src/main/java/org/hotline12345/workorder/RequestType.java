package org.hotline12345.workorder;

/** 诉求类型. */
public enum RequestType {
    /** 咨询 */
    CONSULTATION,
    /** 求助 */
    HELP,
    /** 投诉 */
    COMPLAINT,
    /** 举报 */
    REPORT,
    /** 建议 */
    SUGGESTION,
    /** 表扬 */
    PRAISE
}
