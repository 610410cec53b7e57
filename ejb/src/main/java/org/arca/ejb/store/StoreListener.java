package org.arca.ejb.store;

/**
 * Told about every instance after its index transaction committed (export rules hang here).
 * Runs on the storing thread before the response goes out, so it must be quick; a throwing
 * listener is logged and never fails the store.
 */
@FunctionalInterface
public interface StoreListener {
    void stored(StoredInstance instance);
}
