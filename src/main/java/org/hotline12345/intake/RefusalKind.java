package org.hotline12345.intake;

/** 无效诉求: why an online request is not registered. */
public enum RefusalKind {
    /** 广告推销 */
    ADVERTISING,
    /** 辱骂骚扰 */
    ABUSE,
    /** 重复诉求 */
    DUPLICATE,
    /** 不属于热线受理范围 */
    OUTSIDE_REMIT
}
