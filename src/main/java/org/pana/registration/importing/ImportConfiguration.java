package org.pana.registration.importing;

import org.pana.platform.RequestBodyAllowance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The upload endpoints (API and page) may receive a file up to {@code pana.import.max-file-size}
 * (50 MB) plus room for the multipart envelope; every other request keeps the 1 MiB limit.
 */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    RequestBodyAllowance importApiUpload(@Value("${pana.import.max-file-size:50MB}") DataSize max) {
        return new RequestBodyAllowance("POST", "/api/v1/imports", envelope(max));
    }

    @Bean
    RequestBodyAllowance importPageUpload(@Value("${pana.import.max-file-size:50MB}") DataSize max) {
        return new RequestBodyAllowance("POST", "/imports", envelope(max));
    }

    private static DataSize envelope(DataSize file) {
        return DataSize.ofBytes(file.toBytes() + 64 * 1024);
    }
}
