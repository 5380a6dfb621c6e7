package io.github.chaoswatch.ui;

/**
 * A request the page's API cannot answer: the HTTP status and a message that says what was wrong and what to send
 * instead. Thrown by parameter checks and lookups, turned into a JSON error response by {@link ChaosModule}.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    private ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** A malformed or missing parameter (400). */
    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    /** A well-formed request for something that is not there (404). */
    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    /** Returns the HTTP status. */
    int status() {
        return status;
    }
}
