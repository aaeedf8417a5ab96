package org.pana.platform;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database Pana runs on (the embedded H2 or PostgreSQL), for the few statements that differ, and the
 * one durability trade-off Pana makes on purpose.
 */
@Component
public class Database {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgresql;

    Database(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean postgresql() {
        Boolean known = postgresql;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) c -> "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()));
            postgresql = known;
        }
        return known;
    }

    /**
     * Lets the current transaction's commit return before its log reaches the disk (PostgreSQL's
     * {@code synchronous_commit = off}; nothing on H2). Only for work that is derived from data committed
     * durably before it and is done again if a crash loses it (sealing audit events, looking for duplicates):
     * a crash loses at most the last fraction of a second of such commits, never a part of one, and never a
     * later synchronous commit without it. Call inside the transaction, before its first write.
     */
    public void commitWithoutWaitingForDisk() {
        if (postgresql()) jdbc.execute("SET LOCAL synchronous_commit TO OFF");
    }
}
