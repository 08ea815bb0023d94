package org.hotline12345.common;

/**
 * One broken rule in a request.
 *
 * @param field path of the offending field, e.g. {@code citizen.phone} or the query parameter name
 * @param rule the rule, e.g. {@code NotBlank}, {@code Size}, {@code CreditCode}, {@code enum}
 * @param message what is wrong, for people
 */
public record Violation(String field, String rule, String message) {
}
