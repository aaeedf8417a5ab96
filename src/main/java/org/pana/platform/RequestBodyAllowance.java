package org.pana.platform;

import org.springframework.util.unit.DataSize;

/**
 * A request that may carry a larger body than the default limit ({@code pana.http.max-request-body},
 * 1 MiB): an upload endpoint. A module declares one as a bean for the exact method and path that
 * accepts the upload; every other request keeps the default limit.
 */
public record RequestBodyAllowance(String method, String path, DataSize max) {

    public boolean appliesTo(String requestMethod, String requestPath) {
        return method.equalsIgnoreCase(requestMethod) && path.equals(requestPath);
    }
}
