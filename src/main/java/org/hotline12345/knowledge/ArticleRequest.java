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
 * @param publicAnswer whether citizens and partners may find it; only editors set it
 * @param internalNote for the hotline's staff only (whom to transfer to, what to ask), never shown to the public
 * @param reviewOn when the owner department is to check the article again; one year from today when left out on
 *        creation, unchanged when left out on update
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
        Boolean publicAnswer,
        @Size(max = 2000) String internalNote,
        LocalDate reviewOn,
        @Positive Integer version,
        @Size(max = 500) String note) {

    /** The policy, law or standard the answer rests on. */
    public record SourceRequest(@NotBlank @Size(max = 200) String name, @Size(max = 100) String number) {
    }

    /** The content to save; {@code defaultReviewOn} where the request names no review date. */
    ArticleContent content(LocalDate defaultReviewOn) {
        return new ArticleContent(title.strip(), questions == null
                ? List.of()
                : questions.stream().map(String::strip)
                        .toList(),
                answer.strip(), categoryCode.strip(), departmentCode.strip(), source.name().strip(),
                source.number() == null || source.number().isBlank() ? null : source.number().strip(), effectiveFrom,
                expiresOn, tags == null ? List.of() : tags.stream().map(String::strip).distinct().toList(), status,
                Boolean.TRUE.equals(publicAnswer),
                internalNote == null || internalNote.isBlank() ? null : internalNote.strip(),
                reviewOn == null ? defaultReviewOn : reviewOn);
    }
}
