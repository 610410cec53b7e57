package org.arca.ldap.config.ldap;

import java.util.List;

import javax.naming.directory.Attributes;
import javax.naming.directory.ModificationItem;

/** One LDAP operation of a write-back. */
public record Change(Type type, String dn, Attributes attributes, List<ModificationItem> modifications) {

    public enum Type { ADD, MODIFY, DELETE }

    static Change add(String dn, Attributes attrs) { return new Change(Type.ADD, dn, attrs, List.of()); }
    static Change modify(String dn, List<ModificationItem> mods) { return new Change(Type.MODIFY, dn, null, mods); }
    static Change delete(String dn) { return new Change(Type.DELETE, dn, null, List.of()); }

    @Override
    public String toString() {
        return switch (type) {
            case ADD -> "add " + dn;
            case DELETE -> "delete " + dn;
            case MODIFY -> "modify " + dn + " " + modifications.stream().map(ImageDiff::describe).toList();
        };
    }
}
