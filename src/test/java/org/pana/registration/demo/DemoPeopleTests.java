package org.pana.registration.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With --demo (and demo people on, as outside tests), about 60 fictional people and work for the review queue. */
@SpringBootTest(properties = "pana.demo.people=true")
class DemoPeopleTests {

    @Autowired JdbcClient jdbc;
    @Autowired DemoPeople demoPeople;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void seedsAboutSixtyFictionalPeopleWithPlantedDuplicatesOnTheReviewQueue() {
        long people = count("SELECT count(*) FROM registration_person WHERE jurisdiction = 'KAZ'");
        assertThat(people).isBetween(50L, (long) DemoPeople.PEOPLE);
        assertThat(count("SELECT count(*) FROM registration_person WHERE occupation = '" + DemoPeople.FICTIONAL + "'")).isEqualTo(people);
        assertThat(count("SELECT count(*) FROM registration_person_change WHERE kind = 'REGISTERED' AND actor_username = 'registration.officer'"))
                .isEqualTo(people);
        assertThat(count("SELECT count(*) FROM registration_duplicate_review WHERE status = 'OPEN'")).isPositive();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'PERSON_REGISTERED' AND actor = 'registration.officer'"))
                .isEqualTo(people);
    }

    @Test
    void aSecondStartAddsNothing() {
        long people = count("SELECT count(*) FROM registration_person");
        long queued = count("SELECT count(*) FROM registration_duplicate_review");
        assertThat(demoPeople.seed()).isZero();
        assertThat(count("SELECT count(*) FROM registration_person")).isEqualTo(people);
        assertThat(count("SELECT count(*) FROM registration_duplicate_review")).isEqualTo(queued);
    }
}
