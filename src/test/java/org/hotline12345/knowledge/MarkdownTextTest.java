package org.hotline12345.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void keepsTheWordsAndDropsTheSyntax() {
        String markdown = """
                ## 所需材料

                1. **居民身份证**原件
                - 《申请表》，可在[政务服务网](https://example.gov.cn/form)下载
                > 注意：`复印件`无效

                | 事项 | 时限 |
                |---|---|
                | 受理 | 当场 |

                ```
                代码块
                ```
                ![图示](a.png)<br/>结束
                """;
        String plain = MarkdownText.plain(markdown);
        assertThat(plain).contains("所需材料", "居民身份证原件", "《申请表》，可在政务服务网下载", "注意：复印件无效", "受理", "当场",
                "代码块", "图示", "结束");
        assertThat(plain).doesNotContain("##", "**", "](", "`", "|", "---", "<br/>", "https://", "> ");
    }
}
