package org.pana.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pana.registration.PersonFixtures.aPerson;
import static org.pana.registration.PersonFixtures.change;
import static org.pana.registration.PersonFixtures.create;
import static org.pana.registration.PersonFixtures.register;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Registration numbers stay unique, and concurrent changes do not overwrite each other (security.md #42). */
@SpringBootTest
@AutoConfigureMockMvc
class RegistrationConcurrencyTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;
    @Autowired Clock clock;

    @Test
    void givesPeopleCreatedFromSeveralThreadsDistinctNumbers() throws Exception {
        String officer = TestApi.bearer(mvc, "registration.officer");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                created.add(pool.submit(() -> {
                    MockHttpServletResponse response = create(mvc, officer, aPerson());
                    assertThat(response.getStatus()).isEqualTo(201);
                    return JsonPath.read(response.getContentAsString(), "$.registrationNumber");
                }));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> number : created) numbers.add(number.get());
            assertThat(numbers).hasSize(120);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) - count(DISTINCT registration_number) FROM registration_person").query(Long.class).single()).isZero();
    }

    @Test
    void neverHandsOutANumberTwiceAcrossNodesSharingTheCounter() throws Exception {
        // Two allocators on one database behave as two nodes; small blocks make them take many.
        RegistrationNumbers nodeA = new RegistrationNumbers(environment, clock, ZoneId.of("Asia/Almaty"), 3);
        RegistrationNumbers nodeB = new RegistrationNumbers(environment, clock, ZoneId.of("Asia/Almaty"), 7);
        String jurisdiction = "TJK";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<RegistrationNumber>>> taken = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                RegistrationNumbers node = i % 2 == 0 ? nodeA : nodeB;
                int count = 1 + i % 4;
                taken.add(pool.submit(() -> node.next(jurisdiction, count)));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<RegistrationNumber>> numbers : taken) numbers.get().forEach(n -> all.add(n.value()));
            assertThat(all).hasSize(1000).doesNotHaveDuplicates().allMatch(n -> n.startsWith("TJK-"));
        } finally {
            pool.shutdownNow();
            nodeA.destroy();
            nodeB.destroy();
        }
    }

    @Test
    void letsOneOfTwoConcurrentChangesWinAndAnswersTheOther412() throws Exception {
        String officer = TestApi.bearer(mvc, "registration.officer");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                String id = register(mvc, officer, aPerson());
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<MockHttpServletResponse>> writers = List.of(
                        () -> { start.await(); return change(mvc, officer, id, "\"0\"", "{\"reason\": \"A\", \"occupation\": \"Cook\"}"); },
                        () -> { start.await(); return change(mvc, officer, id, "\"0\"", "{\"reason\": \"B\", \"occupation\": \"Driver\"}"); });
                List<Future<MockHttpServletResponse>> answers = writers.stream().map(pool::submit).toList();
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<MockHttpServletResponse> answer : answers) statuses.add(answer.get().getStatus());
                assertThat(statuses).containsExactlyInAnyOrder(200, 412);
                assertThat(jdbc.sql("SELECT version FROM registration_person WHERE id = :id").param("id", UUID.fromString(id)).query(Long.class).single())
                        .isEqualTo(1);
                assertThat(jdbc.sql("SELECT count(*) FROM registration_person_change WHERE person_id = :id AND kind = 'UPDATED'")
                        .param("id", UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
