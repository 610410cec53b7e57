package org.arca.ldap.embedded;

import org.apache.directory.api.ldap.model.constants.LdapSecurityConstants;
import org.apache.directory.api.ldap.model.entry.DefaultEntry;
import org.apache.directory.api.ldap.model.entry.DefaultModification;
import org.apache.directory.api.ldap.model.entry.ModificationOperation;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.password.PasswordUtil;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.apache.directory.server.constants.ServerDNConstants;
import org.apache.directory.server.core.api.CoreSession;

/**
 * The two accounts that may write the configuration: the manager below the suffix (as in an
 * OpenLDAP setup, so the same DN works against both) and ApacheDS's own uid=admin,ou=system.
 * Both get the configured password at every start, so changing ARCA_LDAP_PASSWORD just works.
 */
final class Accounts {

    private Accounts() {}

    static void setManager(SchemaManager sm, CoreSession admin, String managerDn, String password) throws Exception {
        if (password == null || password.isEmpty()) throw new IllegalArgumentException("manager password required");
        byte[] hashed = PasswordUtil.createStoragePassword(password, LdapSecurityConstants.HASH_METHOD_SSHA256);
        Dn manager = new Dn(sm, managerDn);
        if (admin.exists(manager)) {
            replacePassword(admin, manager, hashed);
        } else {
            String cn = manager.getRdn().getValue();
            admin.add(new DefaultEntry(sm, manager,
                    "objectClass: top", "objectClass: organizationalRole", "objectClass: simpleSecurityObject",
                    "cn", cn, "description: Directory manager of the Arca configuration",
                    "userPassword", hashed));
        }
        replacePassword(admin, new Dn(sm, ServerDNConstants.ADMIN_SYSTEM_DN), hashed);
    }

    private static void replacePassword(CoreSession admin, Dn dn, byte[] hashed) throws Exception {
        admin.modify(dn, new DefaultModification(ModificationOperation.REPLACE_ATTRIBUTE, "userPassword", hashed));
    }
}
