package org.hotline12345.knowledge;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * An article as editors send it (and as a knowledge-base/ file amounts to).
 *
 * @param slug readable, stable identifier used in links; generated when left out on creation, fixed afterwards
 * @param version on update, the version the editor started from: saving over a newer version is refused
 * @param note what the editor changed and why, kept with the version
 */
public record ArticleRequest(
        @Size(max = 100) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "须为小写字母、数字和单个连字符") String slug,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> questions,
        @NotBlank @Size(max = 20000) String answer,
        @NotBlank String categoryCode,
        @NotBlank String departmentCode,
        @NotNull @Valid SourceRequest source,
        @NotNull LocalDate effectiveFrom,
        LocalDate expiresOn,
        @Size(max = 20) List<@NotBlank @Size(max = 30) String> tags,
        @NotNull ArticleStatus status,
        @Positive Integer version,
        @Size(max = 500) String note) {

    /** The policy, law or standard the answer rests on. */
    public record SourceRequest(@NotBlank @Size(max = 200) String name, @Size(max = 100) String number) {
    }

    ArticleContent content() {
        return new ArticleContent(title.strip(), questions == null
                ? List.of()
                : questions.stream().map(String::strip)
                        .toList(),
                answer.strip(), categoryCode.strip(), departmentCode.strip(), source.name().strip(),
                source.number() == null || source.number().isBlank() ? null : source.number().strip(), effectiveFrom,
                expiresOn, tags == null ? List.of() : tags.stream().map(String::strip).distinct().toList(), status);
    }
}
