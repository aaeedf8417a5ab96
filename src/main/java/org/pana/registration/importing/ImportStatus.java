package org.pana.registration.importing;

/**
 * Where an import stands. {@code UPLOADED}: rows read, no mapping yet; {@code MAPPED}: the user chose
 * the mapping; {@code CHECKED}: a dry run reported the invalid rows; {@code RUNNING}: rows are being
 * registered (in chunks, resumable); {@code COMPLETED}: every row is registered or rejected.
 */
public enum ImportStatus {
    UPLOADED, MAPPED, CHECKED, RUNNING, COMPLETED;

    boolean started() {
        return this == RUNNING || this == COMPLETED;
    }
}
