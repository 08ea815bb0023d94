package org.hotline12345.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArticleFileTest {

    private static final String GOOD = """
            ---
            title: 租房可以提取住房公积金吗？
            questions:
              - 租房子能取公积金吗
            category: "010203"
            department: HPF
            source:
              name: 住房公积金管理条例
              number: 国务院令第350号
            effective: 2019-03-24
            expires:
            tags: [公积金, 租房]
            status: published
            ---
            可以。**无房**职工租房可提取。

            ## 所需材料
            - 身份证
            """;

    @Test
    void readsFrontMatterAndAnswer() throws Exception {
        ArticleRequest request = ArticleFile.parse("housing-fund-rent", GOOD);
        assertThat(request.slug()).isEqualTo("housing-fund-rent");
        assertThat(request.title()).isEqualTo("租房可以提取住房公积金吗？");
        assertThat(request.questions()).containsExactly("租房子能取公积金吗");
        assertThat(request.categoryCode()).isEqualTo("010203");
        assertThat(request.departmentCode()).isEqualTo("HPF");
        assertThat(request.source().number()).isEqualTo("国务院令第350号");
        assertThat(request.effectiveFrom()).isEqualTo(LocalDate.of(2019, 3, 24));
        assertThat(request.expiresOn()).isNull();
        assertThat(request.tags()).containsExactly("公积金", "租房");
        assertThat(request.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(request.answer()).startsWith("可以。**无房**").endsWith("- 身份证");
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreFine() throws Exception {
        ArticleRequest request = ArticleFile.parse("x", "\uFEFF" + GOOD.replace("\n", "\r\n"));
        assertThat(request.title()).isEqualTo("租房可以提取住房公积金吗？");
        assertThat(request.answer()).doesNotContain("\r");
    }

    @Test
    void badFilesNameWhatIsWrong() {
        assertThatThrownBy(() -> ArticleFile.parse("x", "no front matter"))
                .isInstanceOf(ArticleFile.FormatException.class).hasMessageContaining("must start with a --- line");
        assertThatThrownBy(() -> ArticleFile.parse("x", "---\ntitle: a\n"))
                .hasMessageContaining("no --- line closes");
        assertThatThrownBy(() -> ArticleFile.parse("x", GOOD.replace("tags:", "tagz:")))
                .isInstanceOf(ArticleFile.FormatException.class)
                .satisfies(e -> assertThat(((ArticleFile.FormatException) e).field()).isEqualTo("tagz"));
        assertThatThrownBy(() -> ArticleFile.parse("x", GOOD.replace("status: published", "status: live")))
                .satisfies(e -> assertThat(((ArticleFile.FormatException) e).field()).isEqualTo("status"));
        assertThatThrownBy(() -> ArticleFile.parse("x", GOOD.replace("effective: 2019-03-24", "effective: soon")))
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ArticleFile.parse("x", GOOD.replace("questions:\n", "questions: [\n")))
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void theHashChangesWithTheContent() {
        assertThat(ArticleFile.hash(GOOD)).hasSize(64).isEqualTo(ArticleFile.hash(GOOD))
                .isNotEqualTo(ArticleFile.hash(GOOD + " "));
        assertThat(List.of(ArticleFile.hash(""))).doesNotContainNull();
    }
}
