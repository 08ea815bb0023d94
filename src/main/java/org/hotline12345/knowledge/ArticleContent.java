package org.hotline12345.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an editor writes of an article: everything but its identity, counters and audit fields. Each saved version
 * keeps one of these in full.
 *
 * @param departmentCode the owner department, which answers for the content and is reminded to review it
 * @param publicAnswer whether citizens and partners may find it (the public search)
 * @param internalNote for the hotline's staff only, never shown to the public
 * @param reviewOn when the owner department is to check that it still holds
 */
public record ArticleContent(String title, List<String> questions, String answer, String categoryCode,
        String departmentCode, String sourceName, String sourceNumber, LocalDate effectiveFrom, LocalDate expiresOn,
        List<String> tags, ArticleStatus status, boolean publicAnswer, String internalNote, LocalDate reviewOn) {

    public ArticleContent {
        questions = List.copyOf(questions);
        tags = List.copyOf(tags);
    }

    /** The names of the fields that differ from {@code other} (all of them when it is null), in declaration order. */
    public List<String> changedFrom(ArticleContent other) {
        if (other == null) {
            return List.of("title", "questions", "answer", "categoryCode", "departmentCode", "sourceName",
                    "sourceNumber", "effectiveFrom", "expiresOn", "tags", "status", "publicAnswer", "internalNote",
                    "reviewOn");
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
        compare(changed, "publicAnswer", publicAnswer, other.publicAnswer);
        compare(changed, "internalNote", internalNote, other.internalNote);
        compare(changed, "reviewOn", reviewOn, other.reviewOn);
        return changed;
    }

    public ArticleContent withStatus(ArticleStatus newStatus) {
        return new ArticleContent(title, questions, answer, categoryCode, departmentCode, sourceName, sourceNumber,
                effectiveFrom, expiresOn, tags, newStatus, publicAnswer, internalNote, reviewOn);
    }

    /** The content as stored with a version or a proposal. */
    String toJson(ObjectMapper json) {
        try {
            return json.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Content stored by {@link #toJson}. */
    static ArticleContent fromJson(ObjectMapper json, String stored) {
        try {
            return json.readValue(stored, ArticleContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored article content is not readable", e);
        }
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
