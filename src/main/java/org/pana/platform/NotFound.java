package org.pana.platform;

/**
 * A record that does not exist, or that the caller may not see: both answer 404 with the same body,
 * so that a record's existence does not leak.
 */
public class NotFound extends RuntimeException {
    public NotFound(String what) {
        super(what + " not found");
    }
}
