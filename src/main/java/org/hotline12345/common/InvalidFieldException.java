package org.hotline12345.common;

import java.util.List;
import java.util.Map;

/**
 * A field of the request breaks a rule: 400 when the request itself is malformed (a query parameter that does not
 * parse), 422 when it is well formed but not acceptable (an unknown department, a credit code whose check character
 * is wrong).
 */
public class InvalidFieldException extends HotlineException {

    private final int status;
    private final Violation violation;

    private InvalidFieldException(int status, Violation violation) {
        super(violation.field() + ": " + violation.message());
        this.status = status;
        this.violation = violation;
    }

    public static InvalidFieldException malformed(String field, String rule, String message) {
        return new InvalidFieldException(400, new Violation(field, rule, message));
    }

    public static InvalidFieldException unacceptable(String field, String rule, String message) {
        return new InvalidFieldException(422, new Violation(field, rule, message));
    }

    public Violation violation() {
        return violation;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String kind() {
        return status == 400 ? "invalid-request" : "unprocessable";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("violations", List.of(violation));
    }
}
