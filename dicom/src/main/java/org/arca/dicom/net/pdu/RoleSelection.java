package org.arca.dicom.net.pdu;

/** SCP/SCU Role Selection sub-item (PS3.7 D.3.3.4): per SOP class, may the requestor act as SCU / SCP. */
public record RoleSelection(String sopClassUID, boolean scu, boolean scp) {
}
