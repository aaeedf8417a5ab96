package org.pana.access;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** One role held by a user (a row of {@code access_user_role}). */
@Table("access_user_role")
record RoleGrant(@Column("role") Role role) {}
