package org.pana.access;

/** Kinds of organisation in the protection chain (architecture.md, "Access model"). */
public enum OrganisationType {
    BORDER_SERVICE,
    ASYLUM_AUTHORITY,
    MIGRATION_SERVICE,
    MINISTRY,
    UNHCR,
    NGO_PARTNER,
    CIVIL_REGISTRY
}
