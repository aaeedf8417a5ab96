package org.pana.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, for the server and the command line alike. */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    /** bcrypt, stored with its {@code {bcrypt}} id so that a later move to Argon2id can re-hash at sign-in. */
    @Bean
    static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
