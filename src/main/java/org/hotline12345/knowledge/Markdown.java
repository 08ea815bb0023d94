package org.hotline12345.knowledge;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Knowledge answers are written in Markdown. This is the one place that reads it: as HTML for every page that shows an
 * answer (articles, the desktop's assistant, the editor's preview), and as plain text for what is copied into a work
 * order (采用此答复) or indexed for search.
 * <p>
 * The HTML is safe to put into a page as it is: raw HTML in the Markdown is shown as text, never as markup, link and
 * image addresses other than http(s), mailto and relative ones are dropped, and links open in a new tab without
 * handing the page to the target.
 */
public final class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    /** Addresses of other schemes (javascript:, data:, vbscript:, file:…) are dropped. */
    private static final Pattern SAFE_LINK = Pattern.compile("(?is)(https?:|mailto:|tel:).*|[^:]*|[^:/?#]*[/?#].*");
    private static final Pattern SAFE_IMAGE = Pattern.compile("(?is)https?:.*|[^:]*|[^:/?#]*[/?#].*");
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).urlSanitizer(new UrlSanitizer() {
                @Override
                public String sanitizeLinkUrl(String url) {
                    return SAFE_LINK.matcher(url.strip()).matches() ? url : "";
                }

                @Override
                public String sanitizeImageUrl(String url) {
                    return SAFE_IMAGE.matcher(url.strip()).matches() ? url : "";
                }
            })
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("target", "_blank");
                    attributes.put("rel", "noopener noreferrer nofollow");
                }
            }).build();
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private Markdown() {
    }

    /** The answer as sanitised HTML. */
    public static String html(String markdown) {
        return markdown == null ? "" : HTML.render(PARSER.parse(markdown));
    }

    /**
     * The answer as a citizen would hear it read out: no Markdown syntax, one line per heading, paragraph, list item
     * (numbered, or with a bullet) and table row; a link's address follows its words, e.g. 政务服务网（https://…）.
     */
    public static String text(String markdown) {
        return markdown == null ? "" : new PlainText(true).render(PARSER.parse(markdown));
    }

    /**
     * The words alone, for indexing and snippets: like {@link #text} without list numbers, bullets and links'
     * addresses, so that the index holds what the answer says and nothing else.
     */
    public static String words(String markdown) {
        return markdown == null ? "" : new PlainText(false).render(PARSER.parse(markdown));
    }

    /** Walks the parsed answer, writing its words and a line break after each block. */
    private static final class PlainText extends AbstractVisitor {

        /** Read out: with list numbers, bullets and links' addresses; otherwise the words alone. */
        private final boolean reading;
        private final StringBuilder out = new StringBuilder();

        PlainText(boolean reading) {
            this.reading = reading;
        }

        String render(Node document) {
            document.accept(this);
            return BLANK_LINES.matcher(out.toString().replace("\u00a0", " ")).replaceAll("\n\n").strip();
        }

        private void endLine() {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            out.append(code.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            out.append('\n');
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            out.append('\n');
        }

        @Override
        public void visit(HtmlInline htmlInline) {
            out.append(TAG.matcher(htmlInline.getLiteral()).replaceAll(""));
        }

        @Override
        public void visit(HtmlBlock htmlBlock) {
            literalLines(TAG.matcher(htmlBlock.getLiteral()).replaceAll(""));
        }

        /** A block's words on lines of their own. */
        private void ownLines(Node block) {
            endLine();
            visitChildren(block);
            endLine();
        }

        private void literalLines(String text) {
            endLine();
            out.append(text.strip());
            endLine();
        }

        @Override
        public void visit(Heading heading) {
            ownLines(heading);
        }

        @Override
        public void visit(Paragraph paragraph) {
            ownLines(paragraph);
        }

        @Override
        public void visit(BlockQuote blockQuote) {
            ownLines(blockQuote);
        }

        @Override
        public void visit(ThematicBreak thematicBreak) {
            endLine();
        }

        @Override
        public void visit(FencedCodeBlock code) {
            literalLines(code.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            literalLines(code.getLiteral());
        }

        @Override
        public void visit(OrderedList list) {
            Integer start = list.getMarkerStartNumber();
            int number = start == null ? 1 : start;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                endLine();
                out.append(reading ? number++ + ". " : "");
                visitItem(item);
            }
            endLine();
        }

        @Override
        public void visit(BulletList list) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                endLine();
                out.append(reading ? "· " : "");
                visitItem(item);
            }
            endLine();
        }

        @Override
        public void visit(ListItem item) {
            visitItem(item);
        }

        /** An item's paragraphs continue its marker's line rather than starting one of their own. */
        private void visitItem(Node item) {
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Paragraph && child == item.getFirstChild()) {
                    visitChildren(child);
                } else {
                    child.accept(this);
                }
            }
        }

        @Override
        public void visit(Link link) {
            int start = out.length();
            visitChildren(link);
            String words = out.substring(start);
            String destination = link.getDestination();
            if (reading && destination != null && !destination.isBlank() && !destination.equals(words)) {
                out.append('（').append(destination).append('）');
            }
        }

        @Override
        public void visit(Image image) {
            visitChildren(image);
        }

        @Override
        public void visit(CustomBlock block) {
            if (block instanceof TableBlock) {
                endLine();
            }
            visitChildren(block);
            endLine();
        }

        @Override
        public void visit(CustomNode node) {
            if (node instanceof TableRow) {
                endLine();
                visitChildren(node);
                endLine();
            } else if (node instanceof TableCell cell) {
                if (cell.getPrevious() != null) {
                    out.append(reading ? "　" : " ");
                }
                visitChildren(cell);
            } else {
                visitChildren(node);
            }
        }
    }
}
