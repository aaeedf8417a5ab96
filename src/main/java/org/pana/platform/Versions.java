package org.pana.platform;

/**
 * Optimistic concurrency over HTTP: a record's version travels as a strong ETag ({@code "3"}) and comes
 * back in {@code If-Match}. A missing If-Match answers 428, a stale one 412 (api.md, architecture.md).
 */
public final class Versions {

    private Versions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version the client last saw, from its If-Match header. */
    public static long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired();
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) value = value.substring(2);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new PreconditionFailed();
        }
    }

    /** Throws 412 unless the record still has the version the client saw. */
    public static void require(long expected, long actual) {
        if (expected != actual) throw new PreconditionFailed();
    }

    /** 428: the request must say which version it changes. */
    public static class PreconditionRequired extends RuntimeException {
        public PreconditionRequired() {
            super("Send If-Match with the ETag of the version you are changing.");
        }
    }

    /** 412: someone changed the record since the client read it. */
    public static class PreconditionFailed extends RuntimeException {
        public PreconditionFailed() {
            super("The record was changed by someone else since you read it. Read it again and re-apply your change.");
        }
    }
}
