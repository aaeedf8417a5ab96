package org.pana.platform;

import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A request that may carry a larger body than the default limit ({@code pana.http.max-request-body},
 * 1 MiB): an upload endpoint. A module declares one as a bean for the method and path pattern (Spring
 * MVC's syntax, e.g. {@code /api/v1/persons/*}{@code /photo}) that accepts the upload; every other
 * request keeps the default limit.
 */
public record RequestBodyAllowance(String method, String path, DataSize max) {

    public boolean appliesTo(String requestMethod, String requestPath) {
        if (!method.equalsIgnoreCase(requestMethod)) return false;
        PathPattern pattern = PathPatternParser.defaultInstance.parse(path);
        return pattern.matches(PathContainer.parsePath(requestPath));
    }
}
