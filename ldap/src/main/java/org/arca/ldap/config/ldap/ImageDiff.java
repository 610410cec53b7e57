package org.arca.ldap.config.ldap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.naming.directory.BasicAttribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.ModificationItem;
import javax.naming.ldap.LdapName;

/**
 * The smallest set of LDAP operations that turns one image of a device tree into another:
 * one REPLACE or REMOVE per changed attribute, ADD of missing object classes (never removal:
 * classes the model does not know are kept), adds of new entries, deletes of removed ones.
 * Attributes the model does not map never appear in either image, so they are never touched.
 */
public final class ImageDiff {
    private ImageDiff() {}

    public static List<Change> diff(String dn, EntryImage before, EntryImage after) {
        List<Change> out = new ArrayList<>();
        diff(dn, before, after, out);
        return out;
    }

    private static void diff(String dn, EntryImage before, EntryImage after, List<Change> out) {
        if (before == null) {
            add(dn, after, out);
            return;
        }
        List<ModificationItem> mods = new ArrayList<>();
        List<String> newClasses = new ArrayList<>(after.objectClasses());
        newClasses.removeIf(oc -> before.objectClasses().stream().anyMatch(oc::equalsIgnoreCase));
        if (!newClasses.isEmpty()) {
            BasicAttribute oc = new BasicAttribute("objectClass");
            newClasses.forEach(oc::add);
            mods.add(new ModificationItem(DirContext.ADD_ATTRIBUTE, oc));
        }
        Set<String> names = new LinkedHashSet<>(before.attributes().keySet());
        names.addAll(after.attributes().keySet());
        for (String name : names) {
            EntryImage.Values b = before.attributes().get(name), a = after.attributes().get(name);
            List<String> bv = b == null ? null : b.ldap(), av = a == null ? null : a.ldap();
            if (Objects.equals(bv, av)) continue;
            if (av == null) {
                mods.add(new ModificationItem(DirContext.REMOVE_ATTRIBUTE, new BasicAttribute(name)));
            } else {
                BasicAttribute attr = new BasicAttribute(name);
                av.forEach(attr::add);
                mods.add(new ModificationItem(DirContext.REPLACE_ATTRIBUTE, attr));
            }
        }
        if (!mods.isEmpty()) out.add(Change.modify(dn, mods));

        Map<LdapName, EntryImage> oldChildren = new HashMap<>();
        for (EntryImage c : before.children()) oldChildren.put(Dns.name(childDn(dn, c)), c);
        Set<LdapName> kept = new java.util.HashSet<>();
        for (EntryImage c : after.children()) kept.add(Dns.name(childDn(dn, c)));
        for (EntryImage c : before.children()) {
            String cdn = childDn(dn, c);
            if (!kept.contains(Dns.name(cdn))) out.add(Change.delete(cdn));
        }
        for (EntryImage c : after.children()) {
            String cdn = childDn(dn, c);
            diff(cdn, oldChildren.get(Dns.name(cdn)), c, out);
        }
    }

    private static void add(String dn, EntryImage image, List<Change> out) {
        out.add(Change.add(dn, image.toAttributes()));
        for (EntryImage c : image.children()) add(childDn(dn, c), c, out);
    }

    static String childDn(String parentDn, EntryImage child) {
        return Dns.child(parentDn, child.rdnType(), child.rdnValue());
    }

    static String describe(ModificationItem m) {
        String op = switch (m.getModificationOp()) {
            case DirContext.ADD_ATTRIBUTE -> "add ";
            case DirContext.REMOVE_ATTRIBUTE -> "remove ";
            default -> "replace ";
        };
        return op + m.getAttribute().getID();
    }
}
