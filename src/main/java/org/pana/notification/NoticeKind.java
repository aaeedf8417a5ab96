package org.pana.notification;

/** What a notice announces; each kind has its texts in {@code messages/notification} (en, ru, kk). */
public enum NoticeKind {
    /** A border referral reached the unit that receives it (or, for the monitors, was made). */
    REFERRAL_RECEIVED,
    /** A border referral found no receiving unit for its region: someone must route it by hand. */
    REFERRAL_UNROUTED,
    /** An unaccompanied or separated child was referred from the border: child protection must act. */
    UNACCOMPANIED_CHILD_REFERRED,
    /** A removal check found grounds against removal (non-refoulement). */
    REMOVAL_BLOCKED,
    /** A removal was reported as carried out although grounds against it stood: a possible refoulement. */
    REMOVAL_DESPITE_GROUNDS,
    /** A border referral was forwarded to another unit. */
    REFERRAL_FORWARDED,
    /** A legal deadline of an asylum case passed unmet (the daily deadline watch). */
    ASYLUM_DEADLINE_OVERDUE,
    /** A refugee's status expires soon: the unit invites them to apply for extension (the daily deadline watch). */
    ASYLUM_EXTENSION_INVITATION_DUE
}
