package org.hotline12345.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Violation;
import org.hotline12345.knowledge.KnowledgeService.ImportOutcome;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Imports knowledge-base/articles into the database, matching articles by slug (the file name). Every file is checked
 * by the rules the API applies; a bad file is reported with its field and rule and skipped, the good ones are imported
 * together.
 */
@ApplicationScoped
public class KnowledgeImporter {

    private static final Logger LOG = Logger.getLogger(KnowledgeImporter.class);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Ten minutes: the import and the indexing right after its commit (see {@link #importAll}). */
    private static final int IMPORT_TIMEOUT_SECONDS = 600;

    /** A file that was not imported, and why. */
    public record FileProblem(String file, String field, String rule, String message) {
    }

    public record ImportReport(int files, int created, int updated, int unchanged, List<FileProblem> problems) {
    }

    private record ArticleFileContent(String file, String slug, ArticleRequest request, String hash) {
    }

    @Inject
    KnowledgeConfig config;

    @Inject
    KnowledgeService service;

    @Inject
    Validator validator;

    /** Imports the shipped articles; {@code username} and {@code role} are recorded on the versions it writes. */
    public ImportReport importShipped(String username, String role) {
        return importAll(config.directory().resolve("articles"), username, role);
    }

    /**
     * Imports every {@code .md} file under {@code root}, in any depth of folders. The transaction may outlast the
     * default minute: right after its commit the articles are indexed with every passage encoded, which for the
     * shipped knowledge base on a busy machine's first start takes longer than that.
     */
    @Transactional
    @TransactionConfiguration(timeout = IMPORT_TIMEOUT_SECONDS)
    public ImportReport importAll(Path root, String username, String role) {
        List<FileProblem> problems = new ArrayList<>();
        List<ArticleFileContent> valid = new ArrayList<>();
        Map<String, String> fileOfSlug = new HashMap<>();
        List<Path> files = articleFiles(root);
        for (Path path : files) {
            String file = root.relativize(path).toString().replace('\\', '/');
            String slug = path.getFileName().toString().replaceFirst("\\.md$", "");
            if (!SLUG.matcher(slug).matches()) {
                problems.add(new FileProblem(file, "slug", "Pattern",
                        "the file name must be lowercase letters, digits and single hyphens"));
                continue;
            }
            String previous = fileOfSlug.putIfAbsent(slug, file);
            if (previous != null) {
                problems.add(new FileProblem(file, "slug", "unique", "the slug is taken by " + previous));
                continue;
            }
            String text = read(path);
            try {
                ArticleRequest request = ArticleFile.parse(slug, text);
                Set<ConstraintViolation<ArticleRequest>> violations = validator.validate(request);
                if (!violations.isEmpty()) {
                    violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                            .forEach(v -> problems.add(new FileProblem(file, v.getPropertyPath().toString(),
                                    v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                                    v.getMessage())));
                    continue;
                }
                service.check(request, null);
                valid.add(new ArticleFileContent(file, slug, request, ArticleFile.hash(text)));
            } catch (ArticleFile.FormatException e) {
                problems.add(new FileProblem(file, e.field(), "format", e.getMessage()));
            } catch (InvalidFieldException e) {
                Violation violation = e.violation();
                problems.add(new FileProblem(file, violation.field(), violation.rule(), violation.message()));
            }
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (ArticleFileContent content : valid) {
            ImportOutcome outcome = service.importArticle(content.slug(), content.request(), content.hash(),
                    username, role);
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
        problems.forEach(p -> LOG.warnf("knowledge-base/articles/%s not imported: %s %s", p.file(), p.field(),
                p.message()));
        return new ImportReport(files.size(), created, updated, unchanged, List.copyOf(problems));
    }

    private static List<Path> articleFiles(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("No knowledge base at " + root.toAbsolutePath()
                    + "; set hotline.knowledge.directory to the knowledge-base folder");
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
