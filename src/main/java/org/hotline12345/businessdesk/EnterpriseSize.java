package org.hotline12345.businessdesk;

/** 企业规模 (划型标准). */
public enum EnterpriseSize {
    /** 微型 */
    MICRO,
    /** 小型 */
    SMALL,
    /** 中型 */
    MEDIUM,
    /** 大型 */
    LARGE
}
