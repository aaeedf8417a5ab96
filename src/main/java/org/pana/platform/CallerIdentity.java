package org.pana.platform;

/**
 * What every module may know of the signed-in caller without depending on the access module: the
 * principal of an authenticated request implements this.
 */
public interface CallerIdentity {
    java.util.UUID userId();

    String username();

    java.util.UUID organisationId();

    String organisationName();

    String jurisdiction();
}
