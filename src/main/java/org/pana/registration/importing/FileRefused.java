package org.pana.registration.importing;

import org.springframework.http.HttpStatus;

/**
 * An uploaded file that Pana will not read: too large, of another format than CSV or XLSX (judged by
 * its bytes), not UTF-8, without a header, or with more rows than allowed. Nothing is stored.
 */
public class FileRefused extends RuntimeException {

    /** Why a file is refused; each reason has its status and a message key for the pages. */
    public enum Reason {
        TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
        TOO_MANY_ROWS(HttpStatus.CONTENT_TOO_LARGE),
        TOO_MANY_COLUMNS(HttpStatus.UNPROCESSABLE_CONTENT),
        UNSUPPORTED_FORMAT(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
        NOT_UTF8(HttpStatus.UNPROCESSABLE_CONTENT),
        UNREADABLE(HttpStatus.UNPROCESSABLE_CONTENT),
        EMPTY(HttpStatus.UNPROCESSABLE_CONTENT),
        BUSY(HttpStatus.SERVICE_UNAVAILABLE);

        private final HttpStatus status;

        Reason(HttpStatus status) {
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }

        /** The problem type and the page message key: {@code file-too-large}, {@code import.refused.file-too-large}. */
        public String slug() {
            return "file-" + name().toLowerCase().replace('_', '-');
        }
    }

    private final Reason reason;

    public FileRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
