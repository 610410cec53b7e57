package org.arca.ejb.dimse;

import org.arca.ejb.support.Databases;

class DimseInteropH2Test extends DimseInteropTestBase {
    @Override
    Databases.Kind kind() {
        return Databases.Kind.H2;
    }
}
