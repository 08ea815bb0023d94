package org.hotline12345.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an editor writes of an article: everything but its identity, counters and audit fields. Each saved version
 * keeps one of these in full.
 */
public record ArticleContent(String title, List<String> questions, String answer, String categoryCode,
        String departmentCode, String sourceName, String sourceNumber, LocalDate effectiveFrom, LocalDate expiresOn,
        List<String> tags, ArticleStatus status) {

    public ArticleContent {
        questions = List.copyOf(questions);
        tags = List.copyOf(tags);
    }

    /** The names of the fields that differ from {@code other} (all of them when it is null), in declaration order. */
    public List<String> changedFrom(ArticleContent other) {
        if (other == null) {
            return List.of("title", "questions", "answer", "categoryCode", "departmentCode", "sourceName",
                    "sourceNumber", "effectiveFrom", "expiresOn", "tags", "status");
        }
        List<String> changed = new ArrayList<>();
        compare(changed, "title", title, other.title);
        compare(changed, "questions", questions, other.questions);
        compare(changed, "answer", answer, other.answer);
        compare(changed, "categoryCode", categoryCode, other.categoryCode);
        compare(changed, "departmentCode", departmentCode, other.departmentCode);
        compare(changed, "sourceName", sourceName, other.sourceName);
        compare(changed, "sourceNumber", sourceNumber, other.sourceNumber);
        compare(changed, "effectiveFrom", effectiveFrom, other.effectiveFrom);
        compare(changed, "expiresOn", expiresOn, other.expiresOn);
        compare(changed, "tags", tags, other.tags);
        compare(changed, "status", status, other.status);
        return changed;
    }

    /** Whether the article may be shown to agents on {@code day}. */
    public boolean visibleOn(LocalDate day) {
        return status == ArticleStatus.PUBLISHED && !effectiveFrom.isAfter(day)
                && (expiresOn == null || expiresOn.isAfter(day));
    }

    private static void compare(List<String> changed, String name, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            changed.add(name);
        }
    }
}
