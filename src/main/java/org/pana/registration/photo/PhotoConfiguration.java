package org.pana.registration.photo;

import org.pana.platform.RequestBodyAllowance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The photo upload paths (API and page) may receive a photo up to {@code pana.registration.photo.max-size}
 * (5 MB) plus room for a multipart envelope; every other request keeps the 1 MiB limit. The photo
 * intake checks its own 5 MB limit on the image bytes.
 */
@Configuration(proxyBeanMethods = false)
class PhotoConfiguration {

    @Bean
    RequestBodyAllowance photoApiUpload(@Value("${pana.registration.photo.max-size:5MB}") DataSize max) {
        return new RequestBodyAllowance("PUT", "/api/v1/persons/*/photo", envelope(max));
    }

    @Bean
    RequestBodyAllowance photoPageUpload(@Value("${pana.registration.photo.max-size:5MB}") DataSize max) {
        return new RequestBodyAllowance("POST", "/persons/*/photo", envelope(max));
    }

    private static DataSize envelope(DataSize photo) {
        return DataSize.ofBytes(photo.toBytes() + 1024 * 1024);
    }
}
