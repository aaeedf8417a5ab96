package org.pana.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pana.calendar.WorkingCalendar;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signed codes and what the public verification says of them: a tampered payload, a document signed by an unknown
 * key, a valid signature on an expired document, a revoked and a replaced one are each told apart; rotation keeps
 * old documents verifying; bad input of any kind is "not genuine" or 4xx, never a 500, and says nothing more.
 */
@SpringBootTest
@AutoConfigureMockMvc
class VerificationTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired IssuedDocuments documents;
    @Autowired VerificationCodes codes;
    @Autowired SigningKeys keys;
    @Autowired VerificationCounts counts;
    @Autowired WorkingCalendar calendar;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired Environment environment;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    LocalDate today() {
        return calendar.today("KAZ");
    }

    IssuedDocument issue(PrintedDocument printed, UUID person, UUID source) {
        String code = documents.codeFor(printed);
        return documents.record(Printed.withUrl(printed, code), person, "ASYLUM_CERTIFICATE", source, Printed.FAKE_PDF, "registration.officer");
    }

    /**
     * Two reprints of one certificate at once (a double click): the first holds its transaction open after recording;
     * the second must wait for it and replace it, so exactly one copy stays valid.
     */
    @Test
    void twoReprintsAtOnceLeaveOneValidCopy() throws Exception {
        UUID person = UUID.randomUUID();
        UUID source = UUID.randomUUID();
        PrintedDocument template = Printed.certificate(Printed.number(), today().minusDays(1), today().plusDays(80));
        IssuedDocument first = issue(template, person, source);
        var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        java.util.concurrent.CountDownLatch recorded = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch secondDone = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> transaction.execute(status -> {
                IssuedDocument copy = issue(Printed.certificate(template.number(), template.validFrom(), template.validUntil()), person, source);
                recorded.countDown();
                try {
                    secondDone.await(1, java.util.concurrent.TimeUnit.SECONDS); // without the lock the second finishes meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return copy;
            }));
            recorded.await(10, java.util.concurrent.TimeUnit.SECONDS);
            var b = pool.submit(() -> {
                IssuedDocument copy = transaction.execute(status ->
                        issue(Printed.certificate(template.number(), template.validFrom(), template.validUntil()), person, source));
                secondDone.countDown();
                return copy;
            });
            a.get(30, java.util.concurrent.TimeUnit.SECONDS);
            b.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<UUID> valid = jdbc.sql("SELECT id FROM credentials_issued_document WHERE person_id = :p AND replaced_by IS NULL")
                .param("p", person).query(UUID.class).list();
        assertThat(valid).as("one valid copy of three issuances").hasSize(1).doesNotContain(first.id());
    }

    IssuedDocument issueValid() {
        return issue(Printed.certificate(Printed.number(), today().minusDays(10), today().plusDays(80)), UUID.randomUUID(), UUID.randomUUID());
    }

    /** Each request from its own address, so the rate limit does not interfere with what a test checks. */
    MockHttpServletResponse page(String code, String accept) throws Exception {
        String address = "10.1." + (ADDRESSES.get() / 250 % 250) + "." + (ADDRESSES.incrementAndGet() % 250);
        return mvc.perform(get("/verify/{code}", code).header("Accept", accept).with(r -> {
            r.setRemoteAddr(address);
            return r;
        })).andReturn().getResponse();
    }

    String status(String code) throws Exception {
        MockHttpServletResponse response = page(code, "application/json");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JsonPath.read(response.getContentAsString(), "$.status");
    }

    @Test
    void aValidDocumentShowsItsStatusTypeNumberValidityAndTheNamesAsPrinted() throws Exception {
        IssuedDocument document = issueValid();
        MockHttpServletResponse json = page(document.code(), "application/json");
        assertThat(JsonPath.<String>read(json.getContentAsString(), "$.status")).isEqualTo("VALID");
        assertThat(JsonPath.<String>read(json.getContentAsString(), "$.type")).isEqualTo("ASYLUM_SEEKER_CERTIFICATE");
        assertThat(JsonPath.<String>read(json.getContentAsString(), "$.number")).isEqualTo(document.number());
        assertThat(JsonPath.<String>read(json.getContentAsString(), "$.validUntil")).isEqualTo(document.validUntil().toString());
        assertThat(json.getHeader("Cache-Control")).contains("no-store");

        String html = page(document.code(), "text/html").getContentAsString();
        assertThat(html).contains("data-status=\"VALID\"", document.number(), "Zarina Testova", "Зарина Тестова", "Asylum-seeker certificate",
                "/verify/" + document.code() + "/photo");
        assertThat(page(document.code().toLowerCase(), "text/html").getContentAsString()).contains("data-status=\"VALID\"");
        assertThat(mvc.perform(get("/VERIFY/{code}", document.code()).param("lang", "ru")).andReturn().getResponse().getContentAsString())
                .contains("ДЕЙСТВИТЕЛЕН").doesNotContain("1985").doesNotContain("AFG").doesNotContain("Migration Service");
        MockHttpServletResponse photo = mvc.perform(get("/verify/{code}/photo", document.code())).andReturn().getResponse();
        assertThat(photo.getStatus()).isEqualTo(200);
        assertThat(photo.getContentType()).startsWith("image/png");
        assertThat(photo.getContentAsByteArray()).isEqualTo(Printed.PHOTO);
        assertThat(documents.pdf(document.id())).contains(Printed.FAKE_PDF);
    }

    @Test
    void everyFlippedBitOfTheCodeMakesItNotGenuine() throws Exception {
        IssuedDocument document = issueValid();
        byte[] bytes = VerificationCodes.fromBase32(document.code());
        for (int i = 0; i < bytes.length; i++) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= (byte) (1 << (i % 8));
            assertThat(documents.verify(VerificationCodes.base32(tampered)).status()).as("byte %d flipped", i).isEqualTo(DocumentStatus.NOT_GENUINE);
        }
        assertThat(status(document.code())).isEqualTo("VALID");
        // A payload changed to a later end date, with the original signature: not genuine.
        byte[] extended = bytes.clone();
        extended[25]++;
        assertThat(status(VerificationCodes.base32(extended))).isEqualTo("NOT_GENUINE");
    }

    @Test
    void aCodeSignedByAKeyPanaDoesNotKnowIsNotGenuineAndSaysNothingAboutTheDocument() throws Exception {
        IssuedDocument document = issueValid();
        byte[] bytes = VerificationCodes.fromBase32(document.code());
        byte[] message = Arrays.copyOf(bytes, bytes.length - 64);
        var forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(forger.getPrivate());
        signer.update(message);
        byte[] forged = Arrays.copyOf(message, bytes.length);
        System.arraycopy(signer.sign(), 0, forged, message.length, 64);
        assertThat(status(VerificationCodes.base32(forged))).as("a real key id, a foreign signature").isEqualTo("NOT_GENUINE");
        byte[] unknownKey = forged.clone();
        unknownKey[1] ^= (byte) 0xFF;
        signer.initSign(forger.getPrivate());
        signer.update(Arrays.copyOf(unknownKey, message.length));
        System.arraycopy(signer.sign(), 0, unknownKey, message.length, 64);
        assertThat(status(VerificationCodes.base32(unknownKey))).as("a key id nobody knows").isEqualTo("NOT_GENUINE");

        // A genuine signature on a document that was never recorded answers exactly like garbage: no hint the id exists.
        PrintedDocument never = Printed.certificate(Printed.number(), today(), today().plusDays(90));
        String unrecorded = documents.codeFor(never);
        assertThat(codes.read(unrecorded)).isPresent();
        String unrecordedPage = page(unrecorded, "text/html").getContentAsString();
        assertThat(unrecordedPage).contains("data-status=\"NOT_GENUINE\"").isEqualTo(page("AAAA", "text/html").getContentAsString())
                .isEqualTo(page(VerificationCodes.base32(forged), "text/html").getContentAsString())
                .doesNotContain(never.number());
        assertThat(mvc.perform(get("/verify/{code}/photo", VerificationCodes.base32(forged))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aValidSignatureOnAnExpiredDocumentIsExpiredFromTheDayAfterItsLastValidDay() throws Exception {
        IssuedDocument lastDayToday = issue(Printed.certificate(Printed.number(), today().minusDays(90), today()), UUID.randomUUID(), UUID.randomUUID());
        IssuedDocument expired = issue(Printed.certificate(Printed.number(), today().minusDays(91), today().minusDays(1)), UUID.randomUUID(), UUID.randomUUID());
        assertThat(status(lastDayToday.code())).isEqualTo("VALID");
        assertThat(status(expired.code())).isEqualTo("EXPIRED");
        assertThat(page(expired.code(), "text/html").getContentAsString()).contains("data-status=\"EXPIRED\"", expired.number());
    }

    @Test
    void aReissueReplacesTheEarlierDocumentOfTheSameSourceAndARevocationRevokesAllOfThem() throws Exception {
        UUID person = UUID.randomUUID(), source = UUID.randomUUID();
        IssuedDocument first = issue(Printed.certificate(Printed.number(), today().minusDays(30), today().plusDays(60)), person, source);
        IssuedDocument second = issue(Printed.certificate(Printed.number(), today(), today().plusDays(90)), person, source);
        IssuedDocument otherSource = issue(Printed.certificate(Printed.number(), today(), today().plusDays(90)), person, UUID.randomUUID());
        assertThat(status(first.code())).isEqualTo("REPLACED");
        assertThat(documents.find(first.id()).orElseThrow().replacedBy()).isEqualTo(second.id());
        assertThat(status(second.code())).isEqualTo("VALID");
        assertThat(status(otherSource.code())).isEqualTo("VALID");
        assertThat(documents.of(person)).extracting(IssuedDocument::id).containsExactlyInAnyOrder(first.id(), second.id(), otherSource.id());

        assertThat(documents.revokeAll("ASYLUM_CERTIFICATE", source, "Status ceased", Instant.now(clock))).isEqualTo(2);
        assertThat(status(first.code())).as("revoked outranks replaced").isEqualTo("REVOKED");
        assertThat(status(second.code())).isEqualTo("REVOKED");
        assertThat(status(otherSource.code())).isEqualTo("VALID");
        IssuedDocument expiredThenRevoked = issue(Printed.certificate(Printed.number(), today().minusDays(91), today().minusDays(1)), person, source);
        documents.revokeAll("ASYLUM_CERTIFICATE", source, "Deprived", Instant.now(clock));
        assertThat(status(expiredThenRevoked.code())).as("revoked outranks expired").isEqualTo("REVOKED");
        assertThat(documents.status(documents.find(second.id()).orElseThrow(), today())).isEqualTo(DocumentStatus.REVOKED);
    }

    @Test
    void rotationRetiresTheKeyButDocumentsItSignedKeepVerifying() throws Exception {
        IssuedDocument before = issueValid();
        String admin = TestApi.bearer(mvc, "admin");
        assertThat(mvc.perform(post("/api/v1/credentials/KAZ/keys/rotate").header("Authorization", TestApi.bearer(mvc, "registration.officer")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/api/v1/credentials/XXX/keys/rotate").header("Authorization", admin)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        MockHttpServletResponse rotated = mvc.perform(post("/api/v1/credentials/KAZ/keys/rotate").header("Authorization", admin)).andReturn().getResponse();
        assertThat(rotated.getStatus()).as(rotated.getContentAsString()).isEqualTo(200);
        String newKey = JsonPath.read(rotated.getContentAsString(), "$.id");
        IssuedDocument after = issueValid();
        assertThat(after.keyId()).isEqualTo(newKey).isNotEqualTo(before.keyId());
        assertThat(status(before.code())).isEqualTo("VALID");
        assertThat(status(after.code())).isEqualTo("VALID");

        String published = mvc.perform(get("/verify/keys.json")).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(published, "$.keys[?(@.id == '" + before.keyId() + "')].retired")).doesNotContainNull().hasSize(1);
        assertThat(JsonPath.<List<Object>>read(published, "$.keys[?(@.id == '" + newKey + "')].retired")).containsExactly((Object) null);
        String raw = JsonPath.<List<String>>read(published, "$.keys[?(@.id == '" + newKey + "')].key").get(0);
        assertThat(Base64.getUrlDecoder().decode(raw)).hasSize(32);
        assertThat(published).doesNotContain("private");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SIGNING_KEY_ROTATED'").query(Long.class).single()).isPositive();
    }

    @Test
    void aDocumentRenderedBeforeARotationIsRefusedSoThatItsQrNeverHoldsACodeThatDoesNotVerify() {
        PrintedDocument printed = Printed.certificate(Printed.number(), today(), today().plusDays(90));
        String code = documents.codeFor(printed);
        keys.rotate("KAZ");
        assertThatThrownBy(() -> documents.record(Printed.withUrl(printed, code), UUID.randomUUID(), "ASYLUM_CERTIFICATE", UUID.randomUUID(),
                Printed.FAKE_PDF, "x")).isInstanceOf(org.pana.platform.StateConflict.class);
        assertThat(documents.find(printed.id())).isEmpty();
    }

    @Test
    void privateKeysAreStoredEncryptedAndAWrongMasterKeyCannotSign() {
        SigningKeys.SigningKey active = keys.active("KAZ");
        byte[] stored = jdbc.sql("SELECT private_key FROM credentials_signing_key WHERE key_id = :id").param("id", active.keyId())
                .query(byte[].class).single();
        assertThat(stored).hasSize(48 + 16);
        SigningKeys wrongMaster = new SigningKeys(jdbc, clock, environment, Base64.getEncoder().encodeToString(new byte[32]), Path.of("unused"));
        assertThatThrownBy(() -> wrongMaster.sign(active, new byte[] {1})).hasMessageContaining("Cannot decrypt");
        assertThatThrownBy(() -> new SigningKeys(jdbc, clock, environment, "c2hvcnQ=", Path.of("unused"))).hasMessageContaining("32 bytes");
    }

    @Test
    void everyVerificationIsCountedPerDocumentAndDayAndNotGenuineOnesUnderNoDocument() throws Exception {
        IssuedDocument document = issueValid();
        long notGenuineBefore = counts.on(null, today());
        page(document.code(), "text/html");
        page(document.code(), "application/json");
        page("NOTACODE", "text/html");
        assertThat(counts.on(document.id(), today())).isEqualTo(2);
        assertThat(counts.on(null, today())).isEqualTo(notGenuineBefore + 1);
        assertThat(jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'credentials_verification_count'")
                .query(String.class).list().stream().map(String::toLowerCase).distinct().toList()) // one schema per test run on PostgreSQL CI
                .containsExactlyInAnyOrder("document_id", "verified_on", "verifications");
    }

    @Test
    void aFloodFromOneAddressIsAnsweredWithAClear429() throws Exception {
        IssuedDocument document = issueValid();
        int answered429 = 0;
        for (int i = 0; i < 35; i++) {
            MockHttpServletResponse response = mvc.perform(get("/verify/{code}", document.code()).with(r -> {
                r.setRemoteAddr("192.0.2.77");
                return r;
            })).andReturn().getResponse();
            if (response.getStatus() == 429) {
                answered429++;
                assertThat(response.getContentAsString()).contains("data-testid=\"too-many\"");
                assertThat(response.getHeader("Retry-After")).isNotBlank();
            }
        }
        assertThat(answered429).isGreaterThanOrEqualTo(4);
        assertThat(page(document.code(), "application/json").getStatus()).as("another address").isEqualTo(200);
    }

    static Stream<String> badCodes() {
        Random random = new Random(20261204L);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcxyz0189=-_.~%+/ äöşğıİЖқә😀\u0000\t'\"<>&;";
        Stream<String> randomStrings = IntStream.range(0, 120).mapToObj(i -> {
            int length = random.nextInt(i % 10 == 0 ? 400 : 220) + 1;
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < length; c++) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            return text.toString();
        });
        Stream<String> base32 = IntStream.range(0, 60).mapToObj(i -> {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            if (bytes.length > 0) bytes[0] = 1;
            return VerificationCodes.base32(bytes);
        });
        return Stream.concat(Stream.of("", " ", "A", "..", "%2e%2e", "A".repeat(301), "A".repeat(5000), "keys"), Stream.concat(randomStrings, base32));
    }

    @ParameterizedTest
    @MethodSource("badCodes")
    void anyInputIsNotGenuineOrAClear4xxNeverA500(String code) throws Exception {
        for (String accept : List.of("text/html", "application/json")) {
            MockHttpServletResponse response;
            try {
                response = page(code, accept);
            } catch (IllegalArgumentException unencodable) {
                continue; // MockMvc cannot even build such a URI; a server never sees it
            }
            assertThat(response.getStatus()).as(code).isLessThan(500);
            if (response.getStatus() == 200 && accept.equals("application/json")) {
                assertThat(response.getContentAsString()).contains("NOT_GENUINE");
            }
        }
    }

    @Test
    void truncationsAndBitFlipsOfAGenuineCodeAreNeverGenuineNorA500() throws Exception {
        IssuedDocument document = issueValid();
        Random random = new Random(6L);
        for (int i = 0; i < 60; i++) {
            String code = document.code();
            String mangled = switch (i % 3) {
                case 0 -> code.substring(0, random.nextInt(code.length()));
                case 1 -> {
                    char[] chars = code.toCharArray();
                    int at = random.nextInt(chars.length);
                    chars[at] = chars[at] == 'A' ? 'B' : 'A';
                    yield new String(chars);
                }
                default -> code + "ABCDEFGH".substring(0, 1 + random.nextInt(7));
            };
            MockHttpServletResponse response = page(mangled, "application/json");
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(JsonPath.<String>read(response.getContentAsString(), "$.status")).as(mangled).isEqualTo("NOT_GENUINE");
        }
    }
}
