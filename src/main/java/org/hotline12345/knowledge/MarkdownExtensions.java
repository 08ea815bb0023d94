package org.hotline12345.knowledge;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

/** Lets a page show an answer formatted: {@code {article.answer.markdown}}. */
@TemplateExtension
public class MarkdownExtensions {

    private MarkdownExtensions() {
    }

    /** The Markdown as HTML, unescaped by Qute since {@link Markdown#html} makes it safe. */
    public static RawString markdown(String text) {
        return new RawString(Markdown.html(text));
    }
}
