package org.hotline12345.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One reader of Markdown: safe HTML for the pages, plain text for work orders and the index. */
class MarkdownTest {

    private static final String ANSWER = """
            ## 所需材料

            1. **居民身份证**原件
            2. 户口本
            - 《申请表》，可在[政务服务网](https://example.gov.cn/form)下载
            > 注意：`复印件`无效

            | 事项 | 时限 |
            |---|---|
            | 受理 | 当场 |

            ```
            代码块
            ```
            ![图示](a.png)<br/>结束
            **温馨提示**：请带齐材料。
            """;

    @Test
    void rendersTheFormatting() {
        String html = Markdown.html(ANSWER);
        assertThat(html).contains("<h2>所需材料</h2>", "<ol>", "<li><strong>居民身份证</strong>原件</li>",
                "<blockquote>", "<code>复印件</code>", "<table>", "<td>受理</td>", "<strong>温馨提示</strong>",
                "href=\"https://example.gov.cn/form\" target=\"_blank\">政务服务网</a>",
                "<a rel=\"noopener noreferrer nofollow\" href=\"https://example.gov.cn/form\"");
        assertThat(html).doesNotContain("##", "**");
    }

    @Test
    void neverLetsMarkupOrScriptThrough() {
        String html = Markdown.html("""
                <script>alert(1)</script>

                点<a href="https://evil.example" onclick="steal()">这里</a>，[也可以](javascript:alert(2))，
                ![图](javascript:alert(3)) <img src=x onerror=alert(4)>
                [链接](data:text/html;base64,PHNjcmlwdD4=) [本地](file:///etc/passwd) [相对](/knowledge/articles/a)
                """);
        assertThat(html).doesNotContain("<script", "<a href=\"https://evil", "<img src=x", "javascript:", "data:text");
        assertThat(html).doesNotContain("file:").contains("&lt;script&gt;alert(1)&lt;/script&gt;",
                "&lt;img src=x onerror=alert(4)&gt;", "href=\"/knowledge/articles/a\"");
    }

    @Test
    void plainTextKeepsTheStructureWithoutTheSyntax() {
        assertThat(Markdown.text(ANSWER)).isEqualTo("""
                所需材料
                1. 居民身份证原件
                2. 户口本
                · 《申请表》，可在政务服务网（https://example.gov.cn/form）下载
                注意：复印件无效
                事项　时限
                受理　当场
                代码块
                图示结束
                温馨提示：请带齐材料。""");
    }

    @Test
    void wordsForTheIndexLeaveAddressesOut() {
        String words = Markdown.words(ANSWER);
        assertThat(words).contains("所需材料", "居民身份证原件", "《申请表》，可在政务服务网下载", "注意：复印件无效", "受理", "当场",
                "代码块", "图示", "结束");
        assertThat(words).doesNotContain("##", "**", "](", "`", "|", "---", "<br/>", "https://", "> ", "1. ", "· ");
    }
}
