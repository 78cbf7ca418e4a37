package dev.alloydb.jakarta.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the sample's resources under {@code /api}. */
@ApplicationPath("api")
public class SampleApplication extends Application {
}
