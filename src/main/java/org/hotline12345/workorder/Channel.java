package org.hotline12345.workorder;

/** 渠道: where a request came in. */
public enum Channel {
    /** 电话 */
    PHONE,
    /** 网站 */
    WEB,
    /** 微信 */
    WECHAT,
    /** 12345 app */
    APP,
    /** 省长信箱 / 市长信箱 */
    MAILBOX,
    /** 人民网留言板 */
    PEOPLE_MESSAGE_BOARD,
    /** 国家政务服务便民热线平台 */
    NATIONAL_PLATFORM,
    /** 政协云 */
    CPPCC_CLOUD,
    /** 主动治理: raised by the hotline itself from a hotspot (未诉先办), no citizen called */
    PROACTIVE
}
