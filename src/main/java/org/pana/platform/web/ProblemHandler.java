package org.pana.platform.web;

import org.pana.platform.Problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pana.platform.NotFound;
import org.pana.platform.RuleViolation;
import org.pana.platform.StateConflict;
import org.pana.platform.TooManyRequests;
import org.pana.platform.Versions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every exception into an RFC 9457 problem for API callers, and into the error page for browsers.
 * Nothing internal (stack traces, class names, SQL) ever reaches a response body; an unexpected error
 * gets a correlation id that also appears in the log next to the stack trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Object> notFound(NotFound e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return respond(request, response, Problems.of(HttpStatus.NOT_FOUND, "not-found", "The requested record was not found."));
    }

    @ExceptionHandler(StateConflict.class)
    ResponseEntity<Object> conflict(StateConflict e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return respond(request, response, Problems.of(HttpStatus.CONFLICT, e.type(), e.getMessage()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> staleVersion(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return respond(request, response, Problems.of(HttpStatus.CONFLICT, "concurrent-edit",
                "Someone else changed this record after you loaded it. Reload it and apply your change again."));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Object> ruleViolation(RuleViolation e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, e.type(), e.getMessage());
        if (!e.errors().isEmpty()) {
            List<Map<String, String>> errors = new ArrayList<>();
            e.errors().forEach(f -> errors.add(Map.of("field", f.field(), "message", f.message())));
            Problems.withErrors(problem, errors);
        }
        return respond(request, response, problem);
    }

    @ExceptionHandler(Versions.PreconditionRequired.class)
    ResponseEntity<Object> preconditionRequired(Versions.PreconditionRequired e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return respond(request, response, Problems.of(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", e.getMessage()));
    }

    @ExceptionHandler(Versions.PreconditionFailed.class)
    ResponseEntity<Object> preconditionFailed(Versions.PreconditionFailed e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return respond(request, response, Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", e.getMessage()));
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<Object> tooMany(TooManyRequests e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        return respond(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", e.getMessage()));
    }

    /**
     * A denial raised by {@code @PreAuthorize} (or a missing sign-in) goes back to Spring Security's
     * exception translation, which answers 401 or 403 as the security configuration says, instead of
     * becoming a 500 in the catch-all below.
     */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void passToSecurity(Exception e) throws Exception {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        log.error("Unexpected error [correlationId={}]", correlationId, e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side. Quote the correlation id when you report it.");
        problem.setProperty("correlationId", correlationId);
        return respond(request, response, problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(f -> errors.add(Map.of("field", f.getField(),
                "message", f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(g -> errors.add(Map.of("field", g.getObjectName(),
                "message", g.getDefaultMessage() == null ? "is invalid" : g.getDefaultMessage())));
        ProblemDetail problem = Problems.withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields."), errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimitFilter.BodyTooLarge) {
                return handleExceptionInternal(ex, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
                        t.getMessage() + "."), headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", unreadableDetail(ex));
        Throwable cause = ex.getCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            Problems.withErrors(problem, List.of(Map.of("field", fieldPath(databind), "message", problem.getDetail())));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p
                : ex instanceof org.springframework.web.ErrorResponse error ? error.getBody() : null;
        if (problem == null) {
            HttpStatus status = HttpStatus.valueOf(statusCode.value());
            problem = Problems.of(status, slug(status), status.getReasonPhrase());
        } else if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            HttpStatus status = HttpStatus.valueOf(statusCode.value());
            ProblemDetail typed = Problems.of(status, slug(status), safeDetail(problem, status));
            if (problem.getProperties() != null) problem.getProperties().forEach(typed::setProperty);
            problem = typed;
        }
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
                && !Problems.wantsJson(servlet.getRequest())) {
            try {
                servlet.getResponse().sendError(statusCode.value());
                return null;
            } catch (IOException e) {
                // fall through to a problem body
            }
        }
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        out.setContentType(Problems.PROBLEM_JSON_UTF8);
        return new ResponseEntity<>(problem, out, statusCode);
    }

    private ResponseEntity<Object> respond(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (!Problems.wantsJson(request)) {
            response.sendError(problem.getStatus());
            return null;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(Problems.PROBLEM_JSON_UTF8);
        return new ResponseEntity<>(problem, headers, problem.getStatus());
    }

    private static String safeDetail(ProblemDetail problem, HttpStatus status) {
        // Spring's default details are generic sentences ("Failed to read request"); keep them, they leak nothing.
        return problem.getDetail() != null ? problem.getDetail() : status.getReasonPhrase();
    }

    private static String unreadableDetail(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'.";
        }
        if (cause instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                List<String> allowed = new ArrayList<>();
                for (Object constant : target.getEnumConstants()) allowed.add(((Enum<?>) constant).name());
                return "Field '" + fieldPath(invalid) + "' must be one of " + allowed + ".";
            }
            return "Field '" + fieldPath(invalid) + "' has a value of the wrong form.";
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return "Field '" + fieldPath(mismatched) + "' has the wrong type or is missing.";
        }
        if (cause instanceof JacksonException) {
            return "The request body is not valid JSON.";
        }
        return "The request body is missing or cannot be read.";
    }

    private static String fieldPath(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String slug(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
