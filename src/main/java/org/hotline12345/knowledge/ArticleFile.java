package org.hotline12345.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * One article of {@code knowledge-base/articles}: YAML front matter between {@code ---} lines, then the answer in
 * Markdown. The file name is the slug. Parsing checks the form only; the importer checks the rest as the API does.
 */
public final class ArticleFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The front matter as written. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    /**
     * @param publicAnswer {@code public: true} lets citizens and partners find the article
     * @param review when the owner department is to check it again
     */
    record FrontMatter(String title, List<String> questions, String category, String department, Source source,
            LocalDate effective, LocalDate expires, List<String> tags, String status,
            @JsonProperty("public") Boolean publicAnswer, LocalDate review) {
    }

    record Source(String name, String number) {
    }

    /** A file that could not be read as an article: which file, and what is wrong with it. */
    public static final class FormatException extends Exception {
        private final String field;

        FormatException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private ArticleFile() {
    }

    /** The request the file amounts to, as an editor would send it through the API. */
    public static ArticleRequest parse(String slug, String text) throws FormatException {
        String normalized = text.replace("\r\n", "\n");
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        if (!normalized.startsWith("---\n")) {
            throw new FormatException("frontMatter", "the file must start with a --- line opening the front matter");
        }
        int end = normalized.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new FormatException("frontMatter", "no --- line closes the front matter");
        }
        FrontMatter front;
        try {
            front = YAML.readValue(normalized.substring(4, end + 1), FrontMatter.class);
        } catch (UnrecognizedPropertyException e) {
            throw new FormatException(e.getPropertyName(), "is not a known front matter key");
        } catch (JsonProcessingException e) {
            throw new FormatException("frontMatter", "is not valid YAML: " + e.getOriginalMessage());
        }
        if (front == null) {
            throw new FormatException("frontMatter", "is empty");
        }
        ArticleStatus status;
        try {
            status = front.status() == null ? null : ArticleStatus.valueOf(front.status().strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new FormatException("status", "must be draft, published or archived");
        }
        String answer = normalized.substring(end + 5).strip();
        return new ArticleRequest(slug, front.title(), front.questions() == null ? List.of() : front.questions(),
                answer, front.category(), front.department(),
                front.source() == null
                        ? null
                        : new ArticleRequest.SourceRequest(front.source().name(),
                                front.source().number()),
                front.effective(), front.expires(), front.tags() == null ? List.of() : front.tags(), status,
                front.publicAnswer(), null, front.review(), null, null);
    }

    /** Identifies a file's content, so that an unchanged file is not imported again. */
    public static String hash(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
