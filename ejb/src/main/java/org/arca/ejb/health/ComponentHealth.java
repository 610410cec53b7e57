package org.arca.ejb.health;

/** The state of one component the archive depends on, with what was seen or what failed. */
public record ComponentHealth(String name, boolean up, String detail) {

    static ComponentHealth up(String name, String detail) {
        return new ComponentHealth(name, true, detail);
    }

    static ComponentHealth down(String name, Throwable cause) {
        String msg = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ComponentHealth(name, false, msg);
    }
}
