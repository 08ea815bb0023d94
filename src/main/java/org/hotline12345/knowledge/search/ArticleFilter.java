package org.hotline12345.knowledge.search;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which articles a search may return.
 *
 * @param statuses allowed statuses ({@code PUBLISHED}, …); empty allows all
 * @param validOn only articles in effect on this day (effective on or before it, not yet expired); {@code null}
 *        for any
 * @param categoryCode a category at any level, its subtree included; {@code null} for any
 * @param departmentCode {@code null} for any
 * @param tag {@code null} for any
 * @param publicOnly only the articles an editor marked public, for citizens and partners
 */
public record ArticleFilter(Set<String> statuses, LocalDate validOn, String categoryCode, String departmentCode,
        String tag, boolean publicOnly) {

    public ArticleFilter {
        statuses = Set.copyOf(statuses);
    }

    /** What agents may see on {@code day}: published and in effect. */
    public static ArticleFilter agentVisible(LocalDate day) {
        return new ArticleFilter(Set.of("PUBLISHED"), day, null, null, null, false);
    }

    /** What citizens and partners may find on {@code day}: public, published and in effect. */
    public static ArticleFilter publicAnswers(LocalDate day) {
        return new ArticleFilter(Set.of("PUBLISHED"), day, null, null, null, true);
    }

    public ArticleFilter withCategory(String code) {
        return new ArticleFilter(statuses, validOn, code, departmentCode, tag, publicOnly);
    }

    public ArticleFilter withDepartment(String code) {
        return new ArticleFilter(statuses, validOn, categoryCode, code, tag, publicOnly);
    }

    public ArticleFilter withTag(String value) {
        return new ArticleFilter(statuses, validOn, categoryCode, departmentCode, value, publicOnly);
    }
}
