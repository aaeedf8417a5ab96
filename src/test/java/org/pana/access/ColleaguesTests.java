package org.pana.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The colleagues another module may hand work to: active, of the organisation, holding one of the roles. */
@SpringBootTest
class ColleaguesTests {

    @Autowired Colleagues colleagues;
    @Autowired DemoUsers demo;
    @Autowired JdbcClient jdbc;

    static final Set<Role> CASEWORK = EnumSet.of(Role.ELIGIBILITY_OFFICER, Role.DECISION_MAKER);

    @Test
    void listsTheActiveHoldersOfTheRolesInTheOrganisationOnly() {
        UUID asylum = demo.find("decision.maker").orElseThrow().organisationId();

        assertThat(colleagues.holding(asylum, CASEWORK)).extracting(Colleagues.Colleague::username)
                .contains("eligibility.officer", "decision.maker", "decision.maker2").doesNotContain("registration.officer", "border.officer");
        assertThat(colleagues.find(asylum, " Decision.Maker2", CASEWORK)).map(Colleagues.Colleague::displayName).contains("Daulet Decision Maker");
        assertThat(colleagues.find(asylum, "registration.officer", CASEWORK)).as("another role").isEmpty();
        assertThat(colleagues.find(demo.find("border.officer").orElseThrow().organisationId(), "decision.maker", CASEWORK))
                .as("another organisation").isEmpty();
        assertThat(colleagues.holding(asylum, Set.of())).isEmpty();

        jdbc.sql("UPDATE access_user SET active = FALSE WHERE username = 'decision.maker2'").update();
        try {
            assertThat(colleagues.find(asylum, "decision.maker2", CASEWORK)).as("deactivated").isEmpty();
            assertThat(colleagues.holding(asylum, CASEWORK)).extracting(Colleagues.Colleague::username).doesNotContain("decision.maker2");
        } finally {
            jdbc.sql("UPDATE access_user SET active = TRUE WHERE username = 'decision.maker2'").update();
        }
    }
}
