package org.hotline12345.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PassagesTest {

    @Test
    void theHeadingFirstThenTheAnswerInBoundedPassagesEachLedByTheTitle() {
        String answer = "第一句话。".repeat(30) + "第二段很长" + "字".repeat(450) + "。最后一句！";
        List<String> passages = Passages.of("标题", List.of("问法一", "问法二"), answer);
        assertThat(passages.get(0)).isEqualTo("标题\n问法一\n问法二");
        assertThat(passages.subList(1, passages.size())).allSatisfy(p -> {
            assertThat(p).startsWith("标题\n");
            assertThat(p.length() - "标题\n".length()).isLessThanOrEqualTo(Passages.PASSAGE_CHARS);
        });
        // every character of the answer is in some passage, in order
        String joined = String.join("", passages.subList(1, passages.size()).stream()
                .map(p -> p.substring("标题\n".length())).toList());
        assertThat(joined).isEqualTo(answer);
    }

    @Test
    void aLongAnswerStopsAtTheMostPassages() {
        List<String> passages = Passages.of("标题", List.of(), "一句话。".repeat(2000));
        assertThat(passages).hasSize(Passages.MAX_PASSAGES);
    }

    @Test
    void anArticleWithoutTitleIsItsAnswer() {
        assertThat(Passages.of("", List.of(), "只有答案。")).containsExactly("只有答案。");
    }
}
