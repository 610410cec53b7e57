package org.arca.ejb.store;

import org.arca.ejb.support.Databases;

class StoreServicePostgresTest extends StoreServiceTestBase {
    @Override
    Databases.Kind kind() {
        return Databases.Kind.POSTGRESQL;
    }
}
