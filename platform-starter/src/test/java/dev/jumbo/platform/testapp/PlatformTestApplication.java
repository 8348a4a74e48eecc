package dev.jumbo.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service built on the chassis, used by the chassis' own integration tests. */
@SpringBootApplication
public class PlatformTestApplication {
}
