package org.pana.credentials;

/** What the verification page says of a document now (api.md, "Issued documents"). */
enum DocumentStatus {
    VALID, EXPIRED, REPLACED, REVOKED, NOT_GENUINE
}
