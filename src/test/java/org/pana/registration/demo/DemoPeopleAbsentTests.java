package org.pana.registration.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Without --demo nobody is seeded, even with demo people switched on. */
@SpringBootTest(properties = {"pana.demo=false", "pana.demo.people=true"})
class DemoPeopleAbsentTests {

    @Autowired JdbcClient jdbc;

    @Test
    void seedsNobodyWithoutDemoMode() {
        assertThat(jdbc.sql("SELECT count(*) FROM registration_person").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM registration_duplicate_review").query(Long.class).single()).isZero();
    }
}
