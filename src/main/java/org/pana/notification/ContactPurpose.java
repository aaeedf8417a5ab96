package org.pana.notification;

/** Why an organisation is a jurisdiction's contact ({@code notification_contact}, set by the operator). */
public enum ContactPurpose {
    /** The child protection body told of unaccompanied or separated children (UNHCR 10-Point Plan, point 5). */
    CHILD_PROTECTION
}
