package org.wardwatch.staffapi;

/** A request answered with problem details: status and one line. */
class ProblemException extends RuntimeException {

    private final int status;

    ProblemException(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    Problem problem() {
        return Problem.of(status, getMessage());
    }
}
