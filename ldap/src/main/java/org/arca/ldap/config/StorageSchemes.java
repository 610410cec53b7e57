package org.arca.ldap.config;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The URI schemes a {@code dcmStorage} may name: those a storage provider is installed for. The
 * archive builds it from the providers it found at run time (a third party's jar adds its
 * scheme), so the loader accepts exactly what can be opened; an unknown scheme is reported with
 * the DN and {@code dcmURI}, and only that storage is left out.
 */
public final class StorageSchemes {

    /** Without a runtime to ask (tools, tests): the schemes Arca's built-in providers and dcm4chee's LDIF use. */
    public static final StorageSchemes BUILT_IN = of(Set.of("file", "jclouds", "aws-s3", "s3", "emc-ecs-s3"));

    private final Set<String> schemes;

    private StorageSchemes(Set<String> schemes) {
        this.schemes = schemes;
    }

    public static StorageSchemes of(Collection<String> schemes) {
        return new StorageSchemes(Set.copyOf(new TreeSet<>(schemes)));
    }

    public boolean accepts(String scheme) {
        return scheme != null && schemes.contains(scheme);
    }

    /** Sorted, for error messages. */
    @Override
    public String toString() {
        return new TreeSet<>(schemes).toString();
    }
}
