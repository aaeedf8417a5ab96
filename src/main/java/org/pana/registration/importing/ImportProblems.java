package org.pana.registration.importing;

import org.pana.platform.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused file answers with its own status: 413 too large, 415 not CSV or XLSX by its bytes, 422 unreadable. */
@RestControllerAdvice(assignableTypes = ImportApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportProblems {

    @ExceptionHandler(FileRefused.class)
    ResponseEntity<ProblemDetail> refused(FileRefused e) {
        ProblemDetail problem = Problems.of(e.reason().status(), e.reason().slug(), e.getMessage());
        return ResponseEntity.status(e.reason().status()).contentType(Problems.PROBLEM_JSON_UTF8).body(problem);
    }
}
