package org.arca.ldap.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A storage (dcmStorage). The URI is kept as written in LDAP, placeholders such as
 * {@code ${arca.data.dir}} included, so that writing back never bakes in a host's path;
 * {@link #getResolvedUri()} is what a storage provider uses. The URI is not forced through
 * java.net.URI: provider URIs such as {@code jclouds:aws-s3:https://<bucket-name>} from the
 * dcm4chee wiki are not RFC 3986 URIs, and each provider parses its own.
 */
public final class StorageDescriptor {
    public static final String DEFAULT_PATH_FORMAT =
            "{now,date,yyyy/MM/dd}/{0020000D,hash}/{0020000E,hash}/{00080018,hash}";

    private String id;
    private String uri;
    private String description;
    private String digestAlgorithm;
    private Enums.Availability instanceAvailability = Enums.Availability.ONLINE;
    private String pathFormat = DEFAULT_PATH_FORMAT;
    private Enums.OnPathAlreadyExists onPathAlreadyExists = Enums.OnPathAlreadyExists.RANDOM_PATH;
    private boolean readOnly;
    private Map<String, String> properties = new LinkedHashMap<>();

    public StorageDescriptor() {}

    public StorageDescriptor(String id, String uri) {
        this.id = id;
        this.uri = uri;
    }

    /** The part before the first ':', or null. */
    public String getScheme() { return UriScheme.of(uri); }

    public String getId() { return id; }
    public StorageDescriptor setId(String v) { id = v; return this; }
    public String getUri() { return uri; }
    public StorageDescriptor setUri(String v) { uri = v; return this; }
    /** The URI with ${...} placeholders resolved from system properties and the environment. */
    public String getResolvedUri() { return Placeholders.resolve(uri); }
    public String getDescription() { return description; }
    public StorageDescriptor setDescription(String v) { description = v; return this; }
    public String getDigestAlgorithm() { return digestAlgorithm; }
    public StorageDescriptor setDigestAlgorithm(String v) { digestAlgorithm = v; return this; }
    public Enums.Availability getInstanceAvailability() { return instanceAvailability; }
    public StorageDescriptor setInstanceAvailability(Enums.Availability v) { instanceAvailability = v; return this; }
    public String getPathFormat() { return pathFormat; }
    public StorageDescriptor setPathFormat(String v) { pathFormat = v; return this; }
    public Enums.OnPathAlreadyExists getOnPathAlreadyExists() { return onPathAlreadyExists; }
    public StorageDescriptor setOnPathAlreadyExists(Enums.OnPathAlreadyExists v) { onPathAlreadyExists = v; return this; }
    public boolean isReadOnly() { return readOnly; }
    public StorageDescriptor setReadOnly(boolean v) { readOnly = v; return this; }
    /** dcmProperty name=value pairs of the provider, e.g. container, identity, jclouds.*. */
    public Map<String, String> getProperties() { return properties; }
}
