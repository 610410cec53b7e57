package org.arca.dicomweb;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Every REST resource of the archive, below the context root /dcm4chee-arc. */
@ApplicationPath("/")
public class ArchiveApplication extends Application {
}
