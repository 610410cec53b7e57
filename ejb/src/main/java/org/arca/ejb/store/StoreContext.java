package org.arca.ejb.store;

/**
 * One incoming object as the network (or STOW-RS) announced it: who sent it to whom, its SOP
 * class and instance from the command, and the transfer syntax its data set is encoded in.
 */
public record StoreContext(String callingAET, String calledAET, String sopClassUID, String sopInstanceUID,
                           String transferSyntaxUID) {
}
