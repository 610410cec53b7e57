package org.arca.dicom.net.pdu;

/** Asynchronous Operations Window sub-item (PS3.7 D.3.3.3); 0 means unlimited. */
public record AsyncOpsWindow(int maxOpsInvoked, int maxOpsPerformed) {
}
