package org.pana.registration;

/** Whether a person record is in use, or was merged into another (the merge is a later feature). */
public enum PersonStatus {
    ACTIVE, MERGED
}
