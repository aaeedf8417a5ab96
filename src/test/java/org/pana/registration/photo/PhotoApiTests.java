package org.pana.registration.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pana.registration.household.PeopleFixtures;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class PhotoApiTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    String officer;

    @BeforeEach
    void signIn() throws Exception {
        officer = TestApi.bearer(mvc, "registration.officer");
    }

    private MockHttpServletRequestBuilder upload(UUID person, byte[] bytes, String type) {
        return put("/api/v1/persons/{id}/photo", person).header("Authorization", officer).contentType(type).content(bytes);
    }

    private long photos(UUID person) {
        return jdbc.sql("SELECT COUNT(*) FROM registration_photo WHERE person_id = :p").param("p", person).query(Long.class).single();
    }

    @Test
    void storesAPhotoAsAScaledJpegAndServesItUncached() throws Exception {
        UUID person = PeopleFixtures.registered(mvc, officer);

        mvc.perform(upload(person, TestImages.png(2048, 1536), "image/png"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.width").value(1024))
                .andExpect(jsonPath("$.height").value(768));
        byte[] served = mvc.perform(get("/api/v1/persons/{id}/photo", person).header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.IMAGE_JPEG))
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsByteArray();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(PeopleFixtures.auditEvents(jdbc, "PERSON_PHOTO_STORED", person, "SUCCESS")).isEqualTo(1);
        assertThat(PeopleFixtures.auditEvents(jdbc, "PERSON_PHOTO_READ", person, "SUCCESS")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT kind FROM registration_photo_change WHERE person_id = :p").param("p", person)
                .query(String.class).list()).containsExactly("PHOTO_ADDED");
    }

    @Test
    void acceptsAPhotoLargerThanTheGeneralOneMebibyteLimit() throws Exception {
        UUID person = PeopleFixtures.registered(mvc, officer);
        byte[] big = TestImages.pngNoise(900, 900);
        assertThat(big.length).isBetween(1_100_000, 5 * 1024 * 1024);

        mvc.perform(upload(person, big, "image/png")).andExpect(status().isOk());
    }

    @Test
    void stripsExifGpsFromTheStoredPhoto() throws Exception {
        UUID person = PeopleFixtures.registered(mvc, officer);
        mvc.perform(upload(person, TestImages.jpegWithGps(640, 480), "image/jpeg")).andExpect(status().isOk());

        byte[] stored = jdbc.sql("SELECT content FROM registration_photo WHERE person_id = :p").param("p", person)
                .query((rs, n) -> rs.getBytes(1)).single();
        assertThat(TestImages.jpegMarkers(stored)).doesNotContain(0xE1);
        assertThat(TestImages.contains(stored, TestImages.GPS_CANARY)).isFalse();
    }

    @Test
    void refusesAFileThatIsNotAnImageWith415AndStoresNothing() throws Exception {
        UUID person = PeopleFixtures.registered(mvc, officer);

        mvc.perform(upload(person, TestImages.zipBomb(20), "image/jpeg"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("urn:pana:problem:photo-not-an-image"));
        mvc.perform(upload(person, "hello".getBytes(), "text/plain")).andExpect(status().isUnsupportedMediaType());
        assertThat(photos(person)).isZero();
    }

    @Test
    void refusesAContentTypeThatDisagreesWithTheBytesWith422() throws Exception {
        UUID person = PeopleFixtures.registered(mvc, officer);

        mvc.perform(upload(person, TestImages.jpeg(100, 100), "image/png"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("photo"));
        assertThat(photos(person)).isZero();
    }

    @Test
    void refusesA50000By50000PngWith422() throws Exception {
        UUID person = PeopleFixtures.registered(mvc, officer);

        mvc.perform(upload(person, TestImages.pngHeaderClaiming(50_000, 50_000), "image/png"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:pana:problem:photo-too-many-pixels"));
        assertThat(photos(person)).isZero();
    }

    @Test
    void refusesAnUploadNamedWithAPathOrTheWrongExtension() throws Exception {
        UUID person = PeopleFixtures.registered(mvc, officer);
        MockMultipartFile passwd = new MockMultipartFile("photo", "../../etc/passwd", "image/jpeg", TestImages.jpeg(50, 50));
        MockMultipartFile misnamed = new MockMultipartFile("photo", "photo.png", "image/png", TestImages.jpeg(50, 50));

        mvc.perform(multipart(HttpMethod.PUT, "/api/v1/persons/{id}/photo", person).file(passwd).header("Authorization", officer))
                .andExpect(status().is4xxClientError());
        mvc.perform(multipart(HttpMethod.PUT, "/api/v1/persons/{id}/photo", person).file(misnamed).header("Authorization", officer))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(upload(person, TestImages.jpeg(50, 50), "image/jpeg").header("Content-Disposition", "inline; filename=\"../../etc/passwd\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:pana:problem:photo-bad-file-name"));
        assertThat(photos(person)).isZero();
    }

    @Test
    void acceptsAMultipartUploadWithAPlainName() throws Exception {
        UUID person = PeopleFixtures.registered(mvc, officer);
        MockMultipartFile photo = new MockMultipartFile("photo", "face.jpg", "image/jpeg", TestImages.jpeg(300, 300));

        mvc.perform(multipart(HttpMethod.PUT, "/api/v1/persons/{id}/photo", person).file(photo).header("Authorization", officer))
                .andExpect(status().isOk());
        assertThat(photos(person)).isOne();
    }

    @Test
    void refusesAnOversizedUploadWith413() throws Exception {
        UUID person = PeopleFixtures.registered(mvc, officer);
        byte[] oversized = new byte[7 * 1024 * 1024];
        System.arraycopy(TestImages.jpeg(10, 10), 0, oversized, 0, 100);

        mvc.perform(upload(person, oversized, "image/jpeg")).andExpect(status().isPayloadTooLarge());
        byte[] overPhotoLimit = new byte[5 * 1024 * 1024 + 10];
        System.arraycopy(TestImages.jpeg(10, 10), 0, overPhotoLimit, 0, 100);
        mvc.perform(upload(person, overPhotoLimit, "image/jpeg")).andExpect(status().isPayloadTooLarge());
        assertThat(photos(person)).isZero();
    }

    @Test
    void keepsTheGeneralLimitOnOtherPaths() throws Exception {
        mvc.perform(put("/api/v1/persons/{id}", UUID.randomUUID()).header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON).content(new byte[2 * 1024 * 1024]))
                .andExpect(status().isPayloadTooLarge());
    }

    @Test
    void hidesThePhotoOfAPersonNotReferredToAPartnerWith404AndADeniedEvent() throws Exception {
        UUID person = PeopleFixtures.registered(mvc, officer);
        mvc.perform(upload(person, TestImages.jpeg(100, 100), "image/jpeg")).andExpect(status().isOk());
        String partner = TestApi.bearer(mvc, "legal.partner");

        mvc.perform(get("/api/v1/persons/{id}/photo", person).header("Authorization", partner)).andExpect(status().isNotFound());

        assertThat(PeopleFixtures.auditEvents(jdbc, "PERSON_PHOTO_READ", person, "DENIED")).isEqualTo(1);
    }

    @Test
    void refusesAPhotoForAPersonOfAnotherJurisdictionWith404AndStoresNothing() throws Exception {
        UUID foreign = PeopleFixtures.inKyrgyzstan(jdbc);

        mvc.perform(upload(foreign, TestImages.jpeg(100, 100), "image/jpeg")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/persons/{id}/photo", foreign).header("Authorization", officer)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/persons/{id}/photo", foreign).header("Authorization", officer)).andExpect(status().isNotFound());

        assertThat(photos(foreign)).isZero();
        assertThat(PeopleFixtures.auditEvents(jdbc, "PERSON_PHOTO_STORE", foreign, "DENIED")).isEqualTo(1);
    }

    @Test
    void refusesAPhotoUploadByARoleThatOnlyReadsWith403() throws Exception {
        UUID person = PeopleFixtures.registered(mvc, officer);

        mvc.perform(put("/api/v1/persons/{id}/photo", person).header("Authorization", TestApi.bearer(mvc, "eligibility.officer"))
                        .contentType("image/jpeg").content(TestImages.jpeg(50, 50)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/persons/{id}/photo", person).header("Authorization", TestApi.bearer(mvc, "statistician")))
                .andExpect(status().isForbidden());
        assertThat(photos(person)).isZero();
    }

    @Test
    void removesAPhotoAndKeepsTheFactInTheHistory() throws Exception {
        UUID person = PeopleFixtures.registered(mvc, officer);
        mvc.perform(upload(person, TestImages.jpeg(100, 100), "image/jpeg")).andExpect(status().isOk());

        mvc.perform(delete("/api/v1/persons/{id}/photo", person).header("Authorization", officer)).andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/persons/{id}/photo", person).header("Authorization", officer)).andExpect(status().isNotFound());
        assertThat(photos(person)).isZero();
        assertThat(jdbc.sql("SELECT kind FROM registration_photo_change WHERE person_id = :p ORDER BY changed_at").param("p", person)
                .query(String.class).list()).containsExactly("PHOTO_ADDED", "PHOTO_REMOVED");
        assertThat(PeopleFixtures.auditEvents(jdbc, "PERSON_PHOTO_REMOVED", person, "SUCCESS")).isEqualTo(1);
    }

    @Test
    void servesThePhotoToASignedInPageUser() throws Exception {
        UUID person = PeopleFixtures.registered(mvc, officer);
        mvc.perform(upload(person, TestImages.jpeg(100, 100), "image/jpeg")).andExpect(status().isOk());

        mvc.perform(get("/persons/{id}/photo", person)).andExpect(status().is3xxRedirection());
        Cookie session = mvc.perform(post("/login").param("username", "border.officer").param("password", TestApi.DEMO_PASSWORD).with(csrf()))
                .andReturn().getResponse().getCookie("__Host-PANA_SESSION");
        mvc.perform(get("/persons/{id}/photo", person).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.IMAGE_JPEG))
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")));
    }
}
