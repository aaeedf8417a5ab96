package org.pana.registration.household;

/**
 * A member's relationship to the household's focal point (the person the group is registered under).
 * The focal point's own membership says {@link #FOCAL_POINT}. Stored by name.
 */
public enum Relationship {
    FOCAL_POINT,
    SPOUSE,
    SON,
    DAUGHTER,
    STEPSON,
    STEPDAUGHTER,
    FOSTER_CHILD,
    FATHER,
    MOTHER,
    BROTHER,
    SISTER,
    GRANDCHILD,
    GRANDPARENT,
    SON_IN_LAW,
    DAUGHTER_IN_LAW,
    NEPHEW_OR_NIECE,
    UNCLE_OR_AUNT,
    COUSIN,
    OTHER_RELATIVE,
    NOT_RELATED
}
