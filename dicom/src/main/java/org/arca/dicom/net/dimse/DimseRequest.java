package org.arca.dicom.net.dimse;

import org.arca.dicom.net.Association;

/** An incoming request as a handler sees it: command, presentation context and association. */
public class DimseRequest {
    private final Association association;
    private final int pcid;
    private final Command command;
    private final String transferSyntax;
    private volatile boolean cancelled;

    public DimseRequest(Association association, int pcid, Command command, String transferSyntax) {
        this.association = association;
        this.pcid = pcid;
        this.command = command;
        this.transferSyntax = transferSyntax;
    }

    public Association association() {
        return association;
    }

    public int presentationContextID() {
        return pcid;
    }

    public Command command() {
        return command;
    }

    /** Transfer syntax of the data set (the presentation context's). */
    public String transferSyntax() {
        return transferSyntax;
    }

    public int messageID() {
        return command.messageID();
    }

    public String sopClassUID() {
        return command.sopClassUID();
    }

    public String sopInstanceUID() {
        return command.sopInstanceUID();
    }

    public int priority() {
        return command.getInt(Tag.PRIORITY, Commands.PRIORITY_MEDIUM);
    }

    public String callingAET() {
        return association.callingAET();
    }

    public String calledAET() {
        return association.calledAET();
    }

    /** Set when a C-CANCEL-RQ for this message arrives. */
    public boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        cancelled = true;
    }
}
