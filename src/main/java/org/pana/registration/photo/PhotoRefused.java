package org.pana.registration.photo;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An upload that is not accepted as a photo. Nothing is stored. The status says why: 413 too many
 * bytes, 415 not a JPEG or PNG at all, 422 an image we refuse (declared type or file name contradicting
 * the bytes, too many pixels, unreadable).
 */
public class PhotoRefused extends ErrorResponseException {

    /** Why a photo was refused; the name becomes the problem type. */
    public enum Reason {
        TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
        NOT_AN_IMAGE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
        TYPE_MISMATCH(HttpStatus.UNPROCESSABLE_CONTENT),
        BAD_FILE_NAME(HttpStatus.UNPROCESSABLE_CONTENT),
        TOO_MANY_PIXELS(HttpStatus.UNPROCESSABLE_CONTENT),
        UNREADABLE(HttpStatus.UNPROCESSABLE_CONTENT),
        EMPTY(HttpStatus.UNPROCESSABLE_CONTENT);

        final HttpStatus status;

        Reason(HttpStatus status) {
            this.status = status;
        }

        public String problemType() {
            return "photo-" + name().toLowerCase().replace('_', '-');
        }
    }

    private final Reason reason;

    public PhotoRefused(Reason reason, String detail) {
        super(reason.status, problem(reason, detail), null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    private static ProblemDetail problem(Reason reason, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(reason.status, detail);
        problem.setType(URI.create("urn:pana:problem:" + reason.problemType()));
        problem.setTitle(reason.status.getReasonPhrase());
        if (reason.status == HttpStatus.UNPROCESSABLE_CONTENT) {
            problem.setProperty("errors", List.of(Map.of("field", "photo", "message", detail)));
        }
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
