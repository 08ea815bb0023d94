package org.hotline12345.portal;

/** What an SMS code proves the phone for; a code of one purpose does not serve another. */
public enum CodePurpose {
    /** 我要留言 */
    SUBMIT,
    /** 进度查询 by number and phone */
    LOOKUP
}
