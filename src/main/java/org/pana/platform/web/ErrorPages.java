package org.pana.platform.web;

import org.pana.platform.Problems;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error dispatch ({@code /error}): a problem+json body for API callers, the error page
 * for browsers. Reached for errors no controller handled (unknown paths, errors raised in filters).
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping(value = "/error", produces = "text/html")
    ModelAndView page(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        HttpStatus status = status(request);
        if (Problems.wantsJson(originalRequestView(request))) {
            Problems.write(response, status, type(status), detail(status));
            return null;
        }
        return new ModelAndView("error", Map.of("status", status.value()), status);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(Problems.PROBLEM_JSON_UTF8);
        headers.setCacheControl("no-store");
        return new ResponseEntity<>(Problems.of(status, type(status), detail(status)), headers, status);
    }

    private static String type(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case CONTENT_TOO_LARGE -> "request-too-large";
            default -> status.is5xxServerError() ? "internal-error" : "bad-request";
        };
    }

    private static String detail(HttpStatus status) {
        return status == HttpStatus.NOT_FOUND ? "The requested record was not found." : status.getReasonPhrase();
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static HttpServletRequest originalRequestView(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String original) {
            return new jakarta.servlet.http.HttpServletRequestWrapper(request) {
                @Override
                public String getRequestURI() {
                    return original;
                }
            };
        }
        return request;
    }
}
