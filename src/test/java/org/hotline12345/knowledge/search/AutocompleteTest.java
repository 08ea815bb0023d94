package org.hotline12345.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AutocompleteTest {

    private static Autocomplete.Candidate candidate(long id, String title, String... questions) {
        return new Autocomplete.Candidate(id, "a-" + id, title, List.of(questions));
    }

    @Test
    void titleStartsBeforeTitleContainsBeforeQuestionsThenBackendOrder() {
        List<Suggestion> ranked = Autocomplete.rank("公积金", List.of(
                candidate(1, "怎样查询住房公积金余额", "公积金余额查询"),
                candidate(2, "租房提取", "租房能取公积金吗"),
                candidate(3, "公积金贷款条件"),
                candidate(4, "离职提取", "公积金销户提取"),
                candidate(5, "公积金 异地转移")), 10);
        assertThat(ranked).extracting(Suggestion::id).containsExactly(3L, 5L, 1L, 4L, 2L);
        assertThat(ranked.get(2).question()).isFalse();
        assertThat(ranked.get(3)).satisfies(s -> {
            assertThat(s.question()).isTrue();
            assertThat(s.text()).isEqualTo("公积金销户提取");
        });
    }

    @Test
    void spacesAndCaseDoNotMatterAndEachArticleComesOnce() {
        List<Suggestion> ranked = Autocomplete.rank("12345 热线", List.of(
                candidate(1, "12345热线受理范围", "12345热线能管什么"),
                candidate(1, "12345热线受理范围"),
                candidate(2, "ABC市长热线")), 10);
        assertThat(ranked).extracting(Suggestion::id).containsExactly(1L, 2L);
        assertThat(Autocomplete.rank("abc", List.of(candidate(2, "ABC市长热线")), 10)).hasSize(1);
        assertThat(Autocomplete.rank("热线", List.of(candidate(1, "热线一"), candidate(2, "热线二"),
                candidate(3, "热线三")), 2)).hasSize(2);
    }
}
