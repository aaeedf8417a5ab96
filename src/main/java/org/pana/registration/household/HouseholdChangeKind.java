package org.pana.registration.household;

/** The kinds of change a household's history records. */
public enum HouseholdChangeKind {
    CREATED,
    MEMBER_JOINED,
    MEMBER_LEFT,
    FOCAL_POINT_CHANGED,
    RELATIONSHIP_CHANGED
}
