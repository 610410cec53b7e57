package org.arca.ejb.dimse;

import org.arca.ejb.support.Databases;

class DimseInteropPostgresTest extends DimseInteropTestBase {
    @Override
    Databases.Kind kind() {
        return Databases.Kind.POSTGRESQL;
    }
}
