package org.arca.ejb.store;

import org.arca.ejb.support.Databases;

class StoreServiceH2Test extends StoreServiceTestBase {
    @Override
    Databases.Kind kind() {
        return Databases.Kind.H2;
    }
}
